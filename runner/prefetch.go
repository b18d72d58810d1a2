package runner

import (
	"context"
	"crypto/sha256"
	"sync"

	"github.com/planassure/planassure/plan"
)

// Prefetch digests plan files while the engine that will check them is still
// loading (compiling the policies is a fifth of a second on one core, which a
// re-check would otherwise spend waiting): with Config.Prefetch, a check looks
// a prefetched file up in the cache by that digest and reads it again only on
// a miss. The digest is of the bytes the file held when it was prefetched, so
// a hit is the result of the file as it was during the run, as any result is.
// It reads on one goroutine, in the order of the inputs, into one buffer.
type Prefetch struct {
	mu       sync.Mutex
	sums     map[string]contentSum // by path
	stop     chan struct{}
	stopOnce sync.Once
	done     chan struct{}
}

// contentSum is the SHA-256 of a plan's bytes, what a cache key holds of them.
type contentSum [sha256.Size]byte

// StartPrefetch starts digesting the files among inputs ("-" and bytes in
// memory are left to the check), read under lim; Stop ends it.
func StartPrefetch(ctx context.Context, inputs []Input, lim plan.Limits) *Prefetch {
	p := &Prefetch{sums: make(map[string]contentSum, len(inputs)), stop: make(chan struct{}), done: make(chan struct{})}
	lim = lim.WithDefaults()
	go func() {
		defer close(p.done)
		var buf []byte
		for _, in := range inputs {
			select {
			case <-p.stop:
				return
			case <-ctx.Done():
				return
			default:
			}
			if !in.file || in.Path == "-" {
				continue
			}
			data, err := plan.ReadFileTo(ctx, in.Path, nil, lim, buf)
			if err != nil {
				continue // the check reads it again, and words the error
			}
			sum := contentSum(sha256.Sum256(data))
			p.mu.Lock()
			p.sums[in.Path] = sum
			p.mu.Unlock()
			buf = data
		}
	}()
	return p
}

// Stop ends the prefetch and waits for it; what was digested so far is kept.
// A nil Prefetch does nothing.
func (p *Prefetch) Stop() {
	if p == nil {
		return
	}
	p.stopOnce.Do(func() { close(p.stop) })
	<-p.done
}

// sum is the digest prefetched for path, if any.
func (p *Prefetch) sum(path string) (contentSum, bool) {
	if p == nil {
		return contentSum{}, false
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	s, ok := p.sums[path]
	return s, ok
}
