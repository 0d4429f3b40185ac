// Command dyad turns news articles into coded event data.
//
// Each subcommand is a struct with its own flag.FlagSet and a Run method, in
// a file of its own; main only dispatches.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"sort"
	"syscall"
)

// Command is one dyad subcommand.
type Command interface {
	// Run runs the command with the arguments that follow its name.
	Run(ctx context.Context, args []string) error
}

// Main holds what every subcommand shares: the standard streams and a logger.
type Main struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Logger *slog.Logger
}

// commandInfo describes a subcommand for dispatch and for the usage text.
type commandInfo struct {
	summary string
	new     func(m *Main) Command
}

// commands is filled by each subcommand's file.
var commands = map[string]commandInfo{}

func register(name, summary string, f func(m *Main) Command) {
	commands[name] = commandInfo{summary: summary, new: f}
}

// errSilent marks an error that has already been reported to the user; main
// only sets the exit status.
var errSilent = errors.New("already reported")

// exitError carries a specific exit status.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	m := &Main{
		Stdin:  os.Stdin,
		Stdout: os.Stdout,
		Stderr: os.Stderr,
		Logger: slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})),
	}
	os.Exit(m.Run(ctx, os.Args[1:]))
}

// Run dispatches args to a subcommand and returns the exit status.
func (m *Main) Run(ctx context.Context, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		m.usage()
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	info, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(m.Stderr, "dyad: unknown command %q\n\n", args[0])
		m.usage()
		return 2
	}
	err := info.new(m).Run(ctx, args[1:])
	var ee exitError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &ee):
		return ee.code
	case errors.Is(err, errSilent):
		return 1
	default:
		fmt.Fprintf(m.Stderr, "dyad %s: %v\n", args[0], err)
		return 1
	}
}

func (m *Main) usage() {
	fmt.Fprintln(m.Stderr, "dyad turns news articles into coded event data (who did what to whom, when and where).")
	fmt.Fprintln(m.Stderr, "\nUsage: dyad COMMAND [flags] [args]\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(m.Stderr, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(m.Stderr, "\nRun 'dyad COMMAND -h' for a command's flags.")
}
