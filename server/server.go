// Package server is planassure's HTTP service: it checks plans posted to it
// against the rules of one Engine, built once, and answers with the JSON or
// HTML report. Plans are held in memory only, never written to disk.
//
//	POST /v1/check   a plan (JSON or an .xlsx workbook), a JSON array of plans, or multipart files -> JSON report
//	GET  /v1/rules   the rule catalogue (JSON)
//	GET  /healthz    "ok"
//	GET  /openapi.json  the OpenAPI 3.0 description of this API
//	GET  /           an upload form (no JavaScript) posting to /report
//	POST /report     as /v1/check -> HTML report
package server

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"log/slog"
	"mime"
	"mime/multipart"
	"net"
	"net/http"
	"path"
	"runtime"
	"strconv"
	"strings"
	"time"

	"golang.org/x/sync/semaphore"

	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/engine/output"
	"github.com/planassure/planassure/plan"
	"github.com/planassure/planassure/runner"
)

// Defaults of Config.
const (
	DefaultMaxBody         = 10 << 20
	DefaultEvalTimeout     = 30 * time.Second
	DefaultShutdownTimeout = 10 * time.Second
	DefaultQueueTimeout    = 10 * time.Second
)

// DefaultMaxInFlight is the default of Config.MaxInFlight: twice the CPUs, so
// that every CPU has a plan to evaluate while other requests are being read.
func DefaultMaxInFlight() int { return 2 * runtime.GOMAXPROCS(0) }

// Config configures a Server. Zero fields take the defaults.
type Config struct {
	Engine          *engine.Engine
	MaxBody         int64         // request body limit in bytes
	EvalTimeout     time.Duration // per-request evaluation limit
	ShutdownTimeout time.Duration // how long Serve waits for requests in flight on shutdown
	Logger          *slog.Logger  // request logs; nil discards them
	// MaxInFlight is how many check requests are read and evaluated at once;
	// the rest wait. It bounds the memory plans take: at most MaxInFlight
	// bodies of MaxBody and what evaluating them builds. 0 means DefaultMaxInFlight.
	MaxInFlight int
	// QueueTimeout is how long a check request waits for its turn before it is
	// answered 503 with Retry-After.
	QueueTimeout time.Duration
	// Cache, when set, keeps each plan's result for the next request that sends
	// the same bytes (see runner.Config.Cache).
	Cache runner.ResultStore
}

// Server serves the check API and the upload page. It is safe for concurrent use.
type Server struct {
	cfg   Config
	mux   *http.ServeMux
	turns *semaphore.Weighted // MaxInFlight turns at reading and evaluating plans
}

// New returns a Server for cfg.
func New(cfg Config) *Server {
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	if cfg.EvalTimeout <= 0 {
		cfg.EvalTimeout = DefaultEvalTimeout
	}
	if cfg.ShutdownTimeout <= 0 {
		cfg.ShutdownTimeout = DefaultShutdownTimeout
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.MaxInFlight <= 0 {
		cfg.MaxInFlight = DefaultMaxInFlight()
	}
	if cfg.QueueTimeout <= 0 {
		cfg.QueueTimeout = DefaultQueueTimeout
	}
	s := &Server{cfg: cfg, mux: http.NewServeMux(), turns: semaphore.NewWeighted(int64(cfg.MaxInFlight))}
	s.mux.HandleFunc("POST /v1/check", s.check)
	s.mux.HandleFunc("GET /v1/rules", s.rules)
	s.mux.HandleFunc("GET /healthz", s.healthz)
	s.mux.HandleFunc("GET /openapi.json", s.openapi)
	s.mux.HandleFunc("GET /{$}", s.upload)
	s.mux.HandleFunc("POST /report", s.report)
	return s
}

// Handler returns the HTTP handler with request logging.
func (s *Server) Handler() http.Handler { return s.logged(s.mux) }

// Serve serves on ln until ctx is done, then shuts down gracefully: it stops
// accepting, lets requests in flight finish (up to ShutdownTimeout) and
// returns nil. It returns early with an error if serving fails.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      s.cfg.EvalTimeout + 30*time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.cfg.Logger.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.cfg.Logger.Info("shutting down", "timeout", s.cfg.ShutdownTimeout.String())
	sctx, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownTimeout)
	defer cancel()
	err := hs.Shutdown(sctx)
	if serr := <-errc; !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	if err != nil {
		hs.Close()
		return fmt.Errorf("shut down: %w", err)
	}
	return nil
}

// --- handlers ----------------------------------------------------------------

func (s *Server) check(w http.ResponseWriter, r *http.Request) {
	rep, status, err := s.evaluate(w, r, false)
	if err != nil {
		writeJSON(w, status, map[string]string{"error": err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, rep)
}

func (s *Server) report(w http.ResponseWriter, r *http.Request) {
	rep, status, err := s.evaluate(w, r, true)
	if err != nil {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(status)
		_ = pageTemplate.ExecuteTemplate(w, "error", map[string]any{"Status": status, "Text": http.StatusText(status), "Error": err.Error()})
		return
	}
	var buf bytes.Buffer
	if err := output.HTML(&buf, rep); err != nil {
		http.Error(w, "write report: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
	_, _ = w.Write(buf.Bytes())
}

func (s *Server) rules(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, s.cfg.Engine.Catalogue())
}

func (s *Server) healthz(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = io.WriteString(w, "ok\n")
}

//go:embed upload.html
var pageSource string

var pageTemplate = template.Must(template.New("page").Parse(pageSource))

func (s *Server) upload(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
	_ = pageTemplate.ExecuteTemplate(w, "upload", map[string]any{"MaxBody": plan.ByteSize(s.cfg.MaxBody)})
}

// --- reading and evaluating plans ---------------------------------------------

// evaluate reads the plans of the request and checks them. It fails only for
// a request that carries no plan (400), one over the size limit (413), a
// content type it does not read (415), a service too busy to take it within
// QueueTimeout, or evaluation cut short by the timeout or the client going
// away (503).
func (s *Server) evaluate(w http.ResponseWriter, r *http.Request, figures bool) (engine.Report, int, error) {
	if err := s.waitTurn(r.Context()); err != nil {
		w.Header().Set("Retry-After", strconv.Itoa(max(1, int(s.cfg.QueueTimeout/time.Second))))
		return engine.Report{}, http.StatusServiceUnavailable, err
	}
	defer s.turns.Release(1)
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBody)
	plans, status, err := s.read(r)
	if err != nil {
		return engine.Report{}, status, err
	}
	setPlans(r, len(plans))
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.EvalTimeout)
	defer cancel()
	// one plan at a time: MaxInFlight requests at once share the CPUs
	rep := runner.New(runner.Config{Engine: s.cfg.Engine, Limits: plan.Limits{MaxFileSize: s.cfg.MaxBody}, Figures: figures,
		Cache: s.cfg.Cache}).
		Check(ctx, plans)
	if err := ctx.Err(); err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return engine.Report{}, http.StatusServiceUnavailable,
				fmt.Errorf("evaluation took longer than %s: send fewer plans per request", s.cfg.EvalTimeout)
		}
		return engine.Report{}, http.StatusServiceUnavailable, errors.New("request cancelled")
	}
	return rep, http.StatusOK, nil
}

// waitTurn waits, at most QueueTimeout, for one of the MaxInFlight turns at
// reading and evaluating plans; the caller releases it.
func (s *Server) waitTurn(ctx context.Context) error {
	wctx, cancel := context.WithTimeout(ctx, s.cfg.QueueTimeout)
	defer cancel()
	if err := s.turns.Acquire(wctx, 1); err != nil {
		if ctx.Err() != nil {
			return errors.New("request cancelled")
		}
		return fmt.Errorf("the service is busy: %d requests are being checked and none finished within %s; retry shortly",
			s.cfg.MaxInFlight, s.cfg.QueueTimeout)
	}
	return nil
}

// read returns the plans in the request body.
func (s *Server) read(r *http.Request) ([]runner.Input, int, error) {
	ct := r.Header.Get("Content-Type")
	mt, params, _ := mime.ParseMediaType(ct)
	switch {
	case mt == "multipart/form-data":
		return s.readMultipart(r, params["boundary"])
	// curl --data-binary sends application/x-www-form-urlencoded unless told
	// otherwise: the body is still the plan
	case mt == xlsxType: // one workbook
		body, err := io.ReadAll(r.Body)
		if err != nil {
			return nil, bodyStatus(err), s.bodyError(err)
		}
		return []runner.Input{{Path: "body.xlsx", Data: body}}, 0, nil
	case ct == "" || mt == "application/json" || mt == "text/plain" || strings.HasSuffix(mt, "+json") ||
		mt == "application/x-www-form-urlencoded" || mt == "application/octet-stream":
		body, err := io.ReadAll(r.Body)
		if err != nil {
			return nil, bodyStatus(err), s.bodyError(err)
		}
		if len(bytes.TrimSpace(body)) == 0 {
			return nil, http.StatusBadRequest, errors.New("empty request body: post a plan (JSON), a JSON array of plans, or multipart files")
		}
		return splitPlans(body)
	}
	return nil, http.StatusUnsupportedMediaType, fmt.Errorf("content type %q: post application/json, %s or multipart/form-data", mt, xlsxType)
}

// xlsxType is the media type of an Excel workbook (.xlsx).
const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// splitPlans treats a body that is a JSON array as a batch of plans, anything
// else as one plan (which, if it is not valid JSON, gets its error result).
func splitPlans(body []byte) ([]runner.Input, int, error) {
	if bytes.HasPrefix(bytes.TrimSpace(body), []byte("[")) {
		var items []json.RawMessage
		if err := json.Unmarshal(body, &items); err == nil {
			if len(items) == 0 {
				return nil, http.StatusBadRequest, errors.New("empty array: post at least one plan")
			}
			out := make([]runner.Input, len(items))
			for i, it := range items {
				out[i] = runner.Input{Path: fmt.Sprintf("body[%d]", i), Data: it}
			}
			return out, 0, nil
		}
	}
	return []runner.Input{{Path: "body", Data: body}}, 0, nil
}

// readMultipart reads every file part (and a non-empty "plan" text field)
// into memory; unlike ParseMultipartForm it never spills to temporary files.
func (s *Server) readMultipart(r *http.Request, boundary string) ([]runner.Input, int, error) {
	if boundary == "" {
		return nil, http.StatusBadRequest, errors.New("multipart body without a boundary")
	}
	mr := multipart.NewReader(r.Body, boundary)
	var out []runner.Input
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, bodyStatus(err), s.bodyError(err)
		}
		data, err := io.ReadAll(part)
		part.Close()
		if err != nil {
			return nil, bodyStatus(err), s.bodyError(err)
		}
		// a browser sends a file part with no file name when no file was chosen
		if name := part.FileName(); name != "" {
			name = path.Base(strings.ReplaceAll(name, "\\", "/"))
			if ct, _, _ := mime.ParseMediaType(part.Header.Get("Content-Type")); ct == xlsxType && !strings.EqualFold(path.Ext(name), ".xlsx") {
				name += ".xlsx" // a workbook by its content type, whatever its name
			}
			out = append(out, runner.Input{Path: name, Data: data})
		} else if part.FormName() == "plan" && len(bytes.TrimSpace(data)) > 0 {
			out = append(out, runner.Input{Path: "pasted plan", Data: data})
		}
	}
	if len(out) == 0 {
		return nil, http.StatusBadRequest, errors.New("no plan in the form: choose at least one plan file or paste a plan")
	}
	return out, 0, nil
}

func bodyStatus(err error) int {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return http.StatusRequestEntityTooLarge
	}
	return http.StatusBadRequest
}

func (s *Server) bodyError(err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return fmt.Errorf("request body larger than the %s limit", plan.ByteSize(s.cfg.MaxBody))
	}
	return fmt.Errorf("read request body: %w", err)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		http.Error(w, `{"error": "encode response"}`, http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = w.Write(append(b, '\n'))
}

// --- logging -------------------------------------------------------------------

type logInfo struct{ plans int }

type logKey struct{}

func setPlans(r *http.Request, n int) {
	if li, ok := r.Context().Value(logKey{}).(*logInfo); ok {
		li.plans = n
	}
}

type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// logged logs one structured line per request: method, path, status,
// duration in milliseconds, plans evaluated, bytes written.
func (s *Server) logged(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		li := &logInfo{}
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r.WithContext(context.WithValue(r.Context(), logKey{}, li)))
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		level := slog.LevelInfo
		if sw.status >= 500 {
			level = slog.LevelError
		}
		s.cfg.Logger.LogAttrs(r.Context(), level, "request",
			slog.String("method", r.Method), slog.String("path", r.URL.Path),
			slog.Int("status", sw.status), slog.Float64("duration_ms", float64(time.Since(start).Microseconds())/1000),
			slog.Int("plans", li.plans), slog.Int64("bytes", sw.bytes),
			slog.String("remote", r.RemoteAddr))
	})
}

// Hint is the advice the service adds to a limit's error (engine.Options.Hint
// of the engine it serves): the service's limits are its operator's to set.
func Hint(err error) string {
	switch {
	case errors.Is(err, plan.ErrTooLarge), errors.Is(err, engine.ErrTimeout):
		return " (a limit of this service, set by its operator)"
	case errors.Is(err, engine.ErrUnknownRound):
		return " (this service's operator adds rounds)"
	}
	return ""
}
