// Package unvalidatedconfig defines an Analyzer that reports values of a
// type with a Validate method (a config, a request) that reach a client,
// a field or a connection on a path where Validate has not succeeded,
// and constructors that store such a value without validating it.
package unvalidatedconfig
