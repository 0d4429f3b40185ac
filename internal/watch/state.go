package watch

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// ErrState marks a state file that cannot be read.
var ErrState = errors.New("watch: bad state file")

// State is what a watcher remembers between rounds and restarts, besides
// what the store holds: the feeds' cache validators, and the items it will
// not fetch again although the store has no article under their link.
type State struct {
	// Feeds holds, by feed URL, the validators of the feed's last response
	// whose items were all dealt with.
	Feeds map[string]FeedState `json:"feeds"`
	// Items holds, by item link, the items that failed or were stored
	// under another article's text.
	Items map[string]ItemState `json:"items"`
}

// FeedState is a feed's cache validators, sent back in a conditional GET.
type FeedState struct {
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
}

// ItemState is an item the store has no article for.
type ItemState struct {
	// Done reports that the item is not fetched again: it failed for good
	// (a 4xx status, not HTML, no article text, too many temporary
	// failures) or its text duplicates a stored article's.
	Done bool `json:"done"`
	// Reason is why, for a person reading the file.
	Reason string `json:"reason"`
	// Failures counts the rounds in which fetching the item failed
	// temporarily (a 5xx status or a network error after the retries).
	Failures int `json:"failures,omitempty"`
	// Seen is when the item was last listed in a feed; items unseen for
	// Config.Forget are dropped.
	Seen time.Time `json:"seen"`
}

// NewState returns an empty state.
func NewState() *State {
	return &State{Feeds: map[string]FeedState{}, Items: map[string]ItemState{}}
}

// LoadState reads a state file; a file that does not exist is an empty
// state. A file that is not a state is an error wrapping ErrState.
func LoadState(path string) (*State, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return NewState(), nil
	}
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	st := NewState()
	if err := json.Unmarshal(data, st); err != nil {
		return nil, fmt.Errorf("%w %s: %v", ErrState, path, err)
	}
	if st.Feeds == nil {
		st.Feeds = map[string]FeedState{}
	}
	if st.Items == nil {
		st.Items = map[string]ItemState{}
	}
	return st, nil
}

// Save writes the state to path atomically: to a temporary file in the
// same directory, synced, then renamed over path, so that a crash leaves
// the old state or the new one, never half of one. The JSON has sorted
// keys, so the file is the same for the same state.
func (st *State) Save(path string) error {
	data, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return fmt.Errorf("watch: saving state: %w", err)
	}
	data = append(data, '\n')
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("watch: saving state: %w", err)
	}
	defer os.Remove(tmp.Name()) // fails harmlessly after the rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("watch: saving state: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("watch: saving state: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("watch: saving state: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("watch: saving state: %w", err)
	}
	return nil
}

// forget drops the feeds no longer listed and the items not seen in a
// feed since before cutoff.
func (st *State) forget(feeds []Feed, cutoff time.Time) {
	listed := make(map[string]bool, len(feeds))
	for _, f := range feeds {
		listed[f.URL] = true
	}
	for u := range st.Feeds {
		if !listed[u] {
			delete(st.Feeds, u)
		}
	}
	for u, it := range st.Items {
		if it.Seen.Before(cutoff) {
			delete(st.Items, u)
		}
	}
}
