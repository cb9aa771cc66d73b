package whole

import (
	"encoding/json"
	"log"
	"os"
)

// DBConfig's password is an exported field that encoding/json writes.
type DBConfig struct {
	Host     string `json:"host"`
	Password string `json:"password"`
}

// Tagged leaves its secret out of JSON.
type Tagged struct {
	Host     string `json:"host"`
	Password string `json:"-"`
}

func encoded(cfg DBConfig, tagged Tagged) {
	_ = json.NewEncoder(os.Stdout).Encode(cfg) // want `DBConfig value with secret field Password reaches standard output \(\(\*encoding/json.Encoder\).Encode\)`
	b, _ := json.MarshalIndent(cfg, "", "  ")
	log.Println(string(b)) // want `password from json.Marshal of DBConfig, field Password reaches a log \(log.Println\)`

	_ = json.NewEncoder(os.Stdout).Encode(tagged)
	t, _ := json.Marshal(tagged)
	log.Println(string(t))
	// Written to a file, not shown.
	_ = os.WriteFile("config.json", b, 0o600)
}
