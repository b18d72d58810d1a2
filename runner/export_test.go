package runner

// PrefetchDone is closed when p has digested every input.
func PrefetchDone(p *Prefetch) <-chan struct{} { return p.done }
