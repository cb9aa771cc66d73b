package main

import (
	"go/types"
	"reflect"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
)

// noReturnFact is the type of ctrlflow's fact that a function never
// returns, which buildssa passes to go/ssa so that the code after a call
// of such a function is unreachable.
var noReturnFact = reflect.TypeOf(ctrlflow.Analyzer.FactTypes[0])

// exits are functions of the standard library and of common logging
// packages that never return. ctrlflow learns this by analyzing them,
// which the command does not do for packages read from export data; the
// rules that follow paths (a config validated or the program stopped)
// would otherwise take log.Fatal for a call that carries on.
var exits = map[string]bool{
	"os.Exit":                                      true,
	"syscall.Exit":                                 true,
	"runtime.Goexit":                               true,
	"log.Fatal":                                    true,
	"log.Fatalf":                                   true,
	"log.Fatalln":                                  true,
	"log.Panic":                                    true,
	"log.Panicf":                                   true,
	"log.Panicln":                                  true,
	"(*log.Logger).Fatal":                          true,
	"(*log.Logger).Fatalf":                         true,
	"(*log.Logger).Fatalln":                        true,
	"(*log.Logger).Panic":                          true,
	"(*log.Logger).Panicf":                         true,
	"(*log.Logger).Panicln":                        true,
	"(*testing.common).FailNow":                    true,
	"(*testing.common).Fatal":                      true,
	"(*testing.common).Fatalf":                     true,
	"(*testing.common).SkipNow":                    true,
	"(*testing.common).Skip":                       true,
	"(*testing.common).Skipf":                      true,
	"(*go.uber.org/zap.Logger).Fatal":              true,
	"(*go.uber.org/zap.Logger).Panic":              true,
	"(*go.uber.org/zap.SugaredLogger).Fatal":       true,
	"(*go.uber.org/zap.SugaredLogger).Fatalf":      true,
	"(*go.uber.org/zap.SugaredLogger).Fatalw":      true,
	"(*go.uber.org/zap.SugaredLogger).Panic":       true,
	"(*go.uber.org/zap.SugaredLogger).Panicf":      true,
	"(*go.uber.org/zap.SugaredLogger).Panicw":      true,
	"github.com/sirupsen/logrus.Fatal":             true,
	"github.com/sirupsen/logrus.Fatalf":            true,
	"github.com/sirupsen/logrus.Fatalln":           true,
	"(*github.com/sirupsen/logrus.Logger).Fatal":   true,
	"(*github.com/sirupsen/logrus.Logger).Fatalf":  true,
	"(*github.com/sirupsen/logrus.Logger).Fatalln": true,
	"(*github.com/sirupsen/logrus.Logger).Exit":    true,
	"(*github.com/sirupsen/logrus.Entry).Fatal":    true,
	"(*github.com/sirupsen/logrus.Entry).Fatalf":   true,
	"(*github.com/sirupsen/logrus.Entry).Fatalln":  true,
	"k8s.io/klog/v2.Fatal":                         true,
	"k8s.io/klog/v2.Fatalf":                        true,
	"k8s.io/klog/v2.Exit":                          true,
	"k8s.io/klog/v2.Exitf":                         true,
}

// knownFact gives the driver the facts known of packages it does not
// analyze: that the functions above never return.
func knownFact(obj types.Object, fact analysis.Fact) bool {
	fn, ok := obj.(*types.Func)
	return ok && reflect.TypeOf(fact) == noReturnFact && exits[fn.FullName()]
}
