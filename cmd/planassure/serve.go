package main

import (
	"fmt"
	"log/slog"
	"net"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/server"
)

type serveOptions struct {
	Addr            string        `mapstructure:"addr"`
	MaxBody         string        `mapstructure:"max-body"`
	EvalTimeout     time.Duration `mapstructure:"eval-timeout"`
	ShutdownTimeout time.Duration `mapstructure:"shutdown-timeout"`
	MaxInFlight     int           `mapstructure:"max-in-flight"`
	QueueTimeout    time.Duration `mapstructure:"queue-timeout"`
	Policy          policyOptions `mapstructure:",squash"`
	Cache           string        `mapstructure:"cache"`
}

func newServeCmd(v *viper.Viper) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve plan checks over HTTP: a JSON API and an upload page",
		Long: `Serve plan checks over HTTP. The rules are loaded once at start.

  POST /v1/check   a plan (JSON), a JSON array of plans, or multipart files:
                   the JSON report, as check --format json
  GET  /v1/rules   the rule catalogue (JSON)
  GET  /healthz    liveness
  GET  /           an upload page; it posts to POST /report, the HTML report

Plans are checked in memory and never written to disk. At most --max-in-flight
check requests are read and evaluated at once, which bounds the memory plans
take; the others wait up to --queue-timeout, then get 503 with Retry-After.
Requests are logged as JSON lines on standard error. SIGTERM or interrupt shuts
down gracefully.`,
		Example: `  planassure serve
  planassure serve --addr :8080 --max-body 20MiB --eval-timeout 1m
  curl --data-binary @plans/06W-2017-19.json localhost:8080/v1/check`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var opts serveOptions
			if err := bind(v, cmd.Flags(), &opts); err != nil {
				return err
			}
			maxBody, err := parseFileSize(opts.MaxBody)
			if err != nil {
				return usageError{fmt.Errorf("--max-body: %w", err)}
			}
			if opts.EvalTimeout <= 0 || opts.ShutdownTimeout <= 0 || opts.QueueTimeout <= 0 {
				return usageError{fmt.Errorf("--eval-timeout, --shutdown-timeout and --queue-timeout must be positive")}
			}
			if opts.MaxInFlight < 1 {
				return usageError{fmt.Errorf("--max-in-flight %d: at least 1", opts.MaxInFlight)}
			}
			ctx := cmd.Context()
			store, err := openCache(opts.Cache)
			if err != nil {
				return err
			}
			eng, err := opts.Policy.engine(ctx, engine.Options{Hint: server.Hint})
			if err != nil {
				return err
			}
			logger := slog.New(slog.NewJSONHandler(cmd.ErrOrStderr(), nil))
			ln, err := net.Listen("tcp", opts.Addr)
			if err != nil {
				return fmt.Errorf("listen: %w", err)
			}
			logger.Info("listening", "addr", ln.Addr().String(), "rules", len(eng.Rules()),
				"max_body", maxBody, "eval_timeout", opts.EvalTimeout.String(),
				"max_in_flight", opts.MaxInFlight, "queue_timeout", opts.QueueTimeout.String())
			srv := server.New(server.Config{Engine: eng, MaxBody: maxBody, EvalTimeout: opts.EvalTimeout,
				ShutdownTimeout: opts.ShutdownTimeout, Logger: logger,
				MaxInFlight: opts.MaxInFlight, QueueTimeout: opts.QueueTimeout, Cache: store})
			if err := srv.Serve(ctx, ln); err != nil {
				return err
			}
			logger.Info("stopped")
			return nil
		},
	}
	f := cmd.Flags()
	f.String("addr", "127.0.0.1:8080", "address to listen on")
	f.String("max-body", "10MiB", "largest request body accepted (B, KiB, MiB, GiB; KB, MB, GB)")
	f.Duration("eval-timeout", server.DefaultEvalTimeout, "longest a request's evaluation may take")
	f.Duration("shutdown-timeout", server.DefaultShutdownTimeout, "how long shutdown waits for requests in flight")
	f.Int("max-in-flight", server.DefaultMaxInFlight(), "check requests read and evaluated at once; more wait")
	f.Duration("queue-timeout", server.DefaultQueueTimeout, "how long a check request waits for its turn before a 503")
	addPolicyFlags(f)
	addCacheFlag(f)
	return cmd
}

// wantsFigures reports whether check writes a report that draws the plans'
// figures (the html format, to standard output or a --report html=FILE), so
// that the engine keeps them only then.
func wantsFigures(format string, reports []string) bool {
	if format == "html" {
		return true
	}
	for _, r := range reports {
		if strings.HasPrefix(r, "html=") {
			return true
		}
	}
	return false
}
