package server

import (
	_ "embed"
	"net/http"
)

// openAPI is the OpenAPI 3.0 description of the service, generated from the
// Go types of the documents it answers with (see openapi_test.go; go test
// ./server -update rewrites it).
//
//go:embed openapi.json
var openAPI []byte

// OpenAPI returns the service's OpenAPI description.
func OpenAPI() []byte { return append([]byte(nil), openAPI...) }

func (s *Server) openapi(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	_, _ = w.Write(openAPI)
}
