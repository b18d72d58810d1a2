// Package runner checks batches of plans, as the command line and the service
// both do: it expands arguments into plan files, reads each under the limits,
// evaluates them on a pool of workers sharing the one engine, groups footprint
// documents with their member plans, applies waivers, and assembles the report.
package runner

import (
	"context"
	"io"
	"sync"
	"sync/atomic"

	"github.com/planassure/planassure/engine"
	"github.com/planassure/planassure/plan"
)

// Config configures a Runner. Zero fields take the defaults.
type Config struct {
	Engine *engine.Engine
	// Limits bound the reading of each plan.
	Limits plan.Limits
	// Jobs is how many plans are read and evaluated at once; 0 means 1.
	Jobs int
	// Footprints makes Check group plans by organisation.stp: each footprint
	// document is evaluated with the plans naming it as input.member_plans, and
	// its result lists them.
	Footprints bool
	// Figures makes results carry the plan figures a report draws (charts);
	// off, results carry none and a batch stays small.
	Figures bool
	// Stdin is read for the path "-".
	Stdin io.Reader
	// Progress, when not nil, is called once per plan as it completes.
	Progress func()
	// Cache, when set, keeps each plan's result under a key over the plan's
	// bytes, the engine's digest and these options (see checkInput): a plan
	// checked before under the same rules is not decoded or evaluated again.
	// Footprint documents checked with their members are not cached.
	Cache ResultStore
	// Prefetch, when set with Cache, holds digests of plan files read while the
	// engine loaded (StartPrefetch): a file found in the cache by its digest is
	// not read again. It must be stopped before the check starts.
	Prefetch *Prefetch
}

// Runner checks batches of plans. It is safe for concurrent use.
type Runner struct {
	cfg   Config
	lists lists // outcome lists read from or stored in Config.Cache
}

// New returns a Runner for cfg.
func New(cfg Config) *Runner {
	cfg.Limits = cfg.Limits.WithDefaults()
	if cfg.Jobs < 1 {
		cfg.Jobs = 1
	}
	return &Runner{cfg: cfg}
}

// Input is one plan to check: bytes already in memory named Path (a request
// body), or a file to read, made by Files; no other Input reads a file.
type Input struct {
	Path string
	Data []byte
	file bool
}

// Files is the inputs for plan files as Expand gives them ("-" reads
// Config.Stdin).
func Files(paths []string) []Input {
	out := make([]Input, len(paths))
	for i, p := range paths {
		out[i] = Input{Path: p, file: true}
	}
	return out
}

// Check reads and evaluates each input on a pool of workers sharing the one
// prepared query. It never fails as a whole: a plan that cannot be read or
// evaluated gets verdict error with its problems, and the others are still
// checked. Results keep the order of the inputs whatever the number of
// workers. With Config.Footprints, footprint documents are evaluated with
// their members after every plan.
func (r *Runner) Check(ctx context.Context, inputs []Input) engine.Report {
	e := r.cfg.Engine
	results := make([]engine.Result, len(inputs))
	plans := make([]*plan.Plan, len(inputs))
	var footprints []int
	parallel(len(inputs), r.cfg.Jobs, func(i int) {
		if !r.cfg.Footprints {
			results[i] = r.checkInput(ctx, inputs[i])
			r.tick()
			return
		}
		p, err := r.Read(ctx, inputs[i])
		switch {
		case err != nil:
			results[i] = e.Failed(inputs[i].Path, err)
		case r.cfg.Footprints && p.IsFootprint():
			plans[i] = &p
			return // evaluated below, with its members
		default:
			plans[i] = &p // a footprint's members are kept until it is evaluated
			results[i] = r.Evaluate(ctx, p)
		}
		r.tick()
	})
	if r.cfg.Footprints {
		for i, p := range plans {
			if p != nil && p.IsFootprint() {
				footprints = append(footprints, i)
			}
		}
		parallel(len(footprints), r.cfg.Jobs, func(k int) {
			i := footprints[k]
			results[i] = r.evaluateFootprint(ctx, *plans[i], plans, results)
			r.tick()
		})
	}
	return e.NewReport(results)
}

// CheckEachThen checks the inputs as Check does, without footprints, runs
// then on each result on the worker that checked it (work that need not wait
// its turn, such as encoding the result for a report, is done in parallel),
// and hands what then returned to emit in the order of the inputs as soon as
// it and those before it are done, keeping none: memory holds only what
// finished ahead of an earlier input (at most about one per worker). emit is
// called from one goroutine at a time.
func CheckEachThen[T any](ctx context.Context, r *Runner, inputs []Input, then func(engine.Result) T, emit func(T)) {
	var (
		mu      sync.Mutex
		next    int
		pending = map[int]T{}
	)
	parallel(len(inputs), r.cfg.Jobs, func(i int) {
		v := then(r.checkInput(ctx, inputs[i]))
		r.tick()
		mu.Lock()
		defer mu.Unlock()
		pending[i] = v
		for {
			v, ok := pending[next]
			if !ok {
				return
			}
			delete(pending, next)
			next++
			emit(v)
		}
	})
}

// Read reads and decodes one input under the limits.
func (r *Runner) Read(ctx context.Context, in Input) (plan.Plan, error) {
	data, err := r.bytes(ctx, in)
	if err != nil {
		return plan.Plan{}, err
	}
	return plan.Decode(in.Path, data, r.cfg.Limits)
}

// bytes returns the bytes of one input under the size limit.
func (r *Runner) bytes(ctx context.Context, in Input) ([]byte, error) {
	return r.bytesTo(ctx, in, nil)
}

// bytesTo is bytes reading a file into buf's space when it fits.
func (r *Runner) bytesTo(ctx context.Context, in Input, buf []byte) ([]byte, error) {
	if in.file {
		data, err := plan.ReadFileTo(ctx, in.Path, r.cfg.Stdin, r.cfg.Limits, buf)
		if err != nil {
			return nil, &plan.Error{Path: in.Path, Err: err}
		}
		return data, nil
	}
	if int64(len(in.Data)) > r.cfg.Limits.MaxFileSize {
		return nil, &plan.Error{Path: in.Path, Err: &plan.TooLargeError{Limit: r.cfg.Limits.MaxFileSize}}
	}
	return in.Data, nil
}

// buffers are read buffers for plan files whose bytes a check keeps none of:
// those it finds in the cache. A plan decoded keeps its bytes (plan.Plan.Raw),
// so its buffer is never put back.
var buffers = sync.Pool{New: func() any { return new([]byte) }}

// maxPooled bounds the buffers kept for reuse; larger plans are rare.
const maxPooled = 1 << 20

// buffer is a read buffer for in: a pooled one with a cache (hits are most
// plans and keep no bytes), else an empty one.
func (r *Runner) buffer(in Input) *[]byte {
	if r.cfg.Cache == nil || !in.file {
		return new([]byte)
	}
	return buffers.Get().(*[]byte)
}

// release puts buf back for reuse, holding data's array when data was read
// into it and nothing keeps data.
func (r *Runner) release(buf *[]byte, data []byte) {
	if r.cfg.Cache == nil {
		return
	}
	if cap(data) > cap(*buf) && cap(data) <= maxPooled {
		*buf = data[:0]
	}
	buffers.Put(buf)
}

// evaluate evaluates one plan, with its figures when Config.Figures.
func (r *Runner) evaluate(ctx context.Context, p plan.Plan) engine.Result {
	res := r.cfg.Engine.Evaluate(ctx, p)
	if r.cfg.Figures && !p.IsFootprint() { // a footprint has no plan figures to draw
		res.Figures = r.cfg.Engine.Figures(p)
	}
	return res
}

// evaluateFootprint evaluates footprint p with the plans (already evaluated)
// whose organisation.stp is its name, case and surrounding space aside.
func (r *Runner) evaluateFootprint(ctx context.Context, p plan.Plan, plans []*plan.Plan, results []engine.Result) engine.Result {
	name := plan.FootprintKey(p.Name)
	var members []plan.Plan
	var memberResults []engine.Result
	for j, m := range plans {
		if m != nil && !m.IsFootprint() && name != "" && plan.FootprintKey(m.Stp()) == name {
			members = append(members, *m)
			memberResults = append(memberResults, results[j])
		}
	}
	return r.cfg.Engine.EvaluateFootprint(ctx, p, members, memberResults)
}

func (r *Runner) tick() {
	if r.cfg.Progress != nil {
		r.cfg.Progress()
	}
}

// parallel calls fn(i) for i in [0, n) on up to jobs goroutines, each taking
// the next i as it finishes one.
func parallel(n, jobs int, fn func(i int)) {
	jobs = max(1, min(jobs, n))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				fn(i)
			}
		}()
	}
	wg.Wait()
}
