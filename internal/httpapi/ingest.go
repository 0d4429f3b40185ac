package httpapi

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dyad-project/dyad"
	"github.com/dyad-project/dyad/internal/ingest"
)

// ingestMediaTypes are the content types a POST of articles may declare;
// the body is read as JSON Lines whatever it says.
var ingestMediaTypes = map[string]bool{
	"application/x-ndjson":    true,
	"application/jsonl":       true,
	"application/x-jsonlines": true,
	"application/json":        true,
	"text/plain":              true,
}

// ingestResult is the answer to POST /api/articles.
type ingestResult struct {
	Read       int               `json:"read"`
	Stored     int               `json:"stored"`
	Duplicates int               `json:"duplicates"`
	Articles   []ingestedArticle `json:"articles"`
}

// ingestedArticle says what became of one line of the body.
type ingestedArticle struct {
	Doc string `json:"doc"`
	// ID is the ID the article is stored under or, for a duplicate, the ID
	// of the article it duplicates.
	ID        int64 `json:"id"`
	Duplicate bool  `json:"duplicate"`
	// Events counts the events coded (0 for a duplicate, not analysed).
	Events int `json:"events"`
}

// handleIngest is POST /api/articles: JSON Lines articles (as `dyad
// ingest` reads them) analysed and stored, all or nothing. A body with a
// line that is not an article stores nothing; articles already stored are
// skipped as duplicates without being analysed again.
func (s *Server) handleIngest(w http.ResponseWriter, r *http.Request) error {
	if err := s.authorize(r); err != nil {
		return err
	}
	if err := newParams(r.URL.Query()).finish(); err != nil {
		return err
	}
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || !ingestMediaTypes[mt] {
			return Errorf(ECodeUnsupportedMedia, "the body must be JSON Lines (application/x-ndjson), not %q", ct)
		}
	}
	// This request may run longer than the server's read and write
	// timeouts; its own deadline bounds it instead. A writer that cannot
	// move its deadlines (a test recorder) has none to move.
	if deadline, ok := r.Context().Deadline(); ok {
		rc := http.NewResponseController(w)
		rc.SetReadDeadline(deadline)
		rc.SetWriteDeadline(deadline.Add(5 * time.Second))
	}
	body := http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes)
	var arts []*dyad.Article
	var bad []string
	err := ingest.ReadJSONL(body, "body", func(a *dyad.Article, err error) error {
		var mb *http.MaxBytesError
		switch {
		case errors.As(err, &mb):
			return mb
		case err != nil:
			bad = append(bad, err.Error())
		default:
			arts = append(arts, a)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(bad) > 0 {
		more := ""
		if len(bad) > 3 {
			more = fmt.Sprintf(" (and %d more)", len(bad)-3)
			bad = bad[:3]
		}
		return Errorf(ECodeInvalid, "nothing was stored: %s%s", strings.Join(bad, "; "), more)
	}
	if len(arts) == 0 {
		return Errorf(ECodeInvalid, `the body holds no article: send JSON Lines, one {"text": ...} object a line`)
	}
	res, err := s.analyseAndStore(r.Context(), arts)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, res)
	return nil
}

// analyseAndStore analyses the articles the store lacks, on as many
// goroutines as there are processors, and stores them in one batch.
func (s *Server) analyseAndStore(ctx context.Context, arts []*dyad.Article) (*ingestResult, error) {
	res := &ingestResult{Read: len(arts), Articles: make([]ingestedArticle, len(arts))}
	analyses := make([]*dyad.Analysis, len(arts))
	errs := make([]error, len(arts))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(arts)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(arts) || ctx.Err() != nil {
					return
				}
				res.Articles[i].Doc = arts[i].Doc
				errs[i] = s.analyseOne(ctx, arts[i], &res.Articles[i], &analyses[i])
			}
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	var batch []*dyad.Analysis
	var where []int
	for i, a := range analyses {
		if a != nil {
			batch = append(batch, a)
			where = append(where, i)
		} else {
			res.Duplicates++
		}
	}
	if len(batch) > 0 {
		put, err := s.store.PutAnalyses(ctx, batch)
		if err != nil {
			return nil, err
		}
		for j, i := range where {
			res.Articles[i].ID = put.IDs[j]
			res.Articles[i].Duplicate = put.Duplicate[j]
			if put.Duplicate[j] {
				res.Articles[i].Events = 0
			}
		}
		res.Stored += put.Stored
		res.Duplicates += put.Duplicates
	}
	return res, nil
}

// analyseOne checks whether an article is stored and analyses it if not.
// A panic in the analysis becomes this article's error rather than the
// end of the server.
func (s *Server) analyseOne(ctx context.Context, a *dyad.Article, out *ingestedArticle, an **dyad.Analysis) (err error) {
	id, ok, err := s.store.HasArticle(ctx, a.URL, dyad.ContentHash(a.Text))
	if err != nil {
		return err
	}
	if ok {
		out.ID, out.Duplicate = id, true
		return nil
	}
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("analysing %s: panic: %v", a.Doc, v)
		}
	}()
	*an = s.cfg.Analyser.Analyse(a)
	out.Events = len((*an).Events)
	return nil
}
