package pgtest

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
)

// startServer starts a throwaway server in a new temporary directory and
// returns its URL and how to stop it (which also removes the directory).
func startServer() (string, func(), error) {
	bin, err := binDir()
	if err != nil {
		return "", nil, err
	}
	dir, err := os.MkdirTemp("", "parallax-pg-")
	if err != nil {
		return "", nil, err
	}
	run, err := runner(dir)
	if err != nil {
		os.RemoveAll(dir)
		return "", nil, err
	}
	data := filepath.Join(dir, "data")
	initdb := filepath.Join(bin, "initdb")
	base := []string{"-D", data, "--username=postgres", "--auth=trust", "--encoding=UTF8"}
	// C.UTF-8 folds case beyond ASCII in full-text search; not every
	// system has it.
	if err := run(initdb, append(base, "--locale=C.UTF-8")...); err != nil {
		os.RemoveAll(data)
		if err := run(initdb, append(base, "--no-locale")...); err != nil {
			os.RemoveAll(dir)
			return "", nil, err
		}
	}
	port, err := freePort()
	if err != nil {
		os.RemoveAll(dir)
		return "", nil, err
	}
	pgctl := filepath.Join(bin, "pg_ctl")
	opts := fmt.Sprintf("-k %s -p %d -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off", dir, port)
	if err := run(pgctl, "-D", data, "-l", filepath.Join(dir, "log"), "-w", "-o", opts, "start"); err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "log"))
		os.RemoveAll(dir)
		return "", nil, fmt.Errorf("%w\n%s", err, log)
	}
	stop := func() {
		run(pgctl, "-D", data, "-m", "immediate", "-w", "stop")
		os.RemoveAll(dir)
	}
	return fmt.Sprintf("postgres://postgres@/postgres?host=%s&port=%d&sslmode=disable", dir, port), stop, nil
}

// binDir finds the newest /usr/lib/postgresql/*/bin (Debian's layout), else
// the directory of initdb on $PATH.
func binDir() (string, error) {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", fmt.Errorf("no initdb found (install Debian's postgresql)")
}

func version(binDir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return n
}

// runner returns how to run the server's programs: directly, or as the
// postgres user when running as root (initdb refuses root), with dir
// handed over to that user.
func runner(dir string) (func(name string, args ...string) error, error) {
	if os.Geteuid() != 0 {
		return runCmd, nil
	}
	pg, err := user.Lookup("postgres")
	if err != nil {
		return nil, fmt.Errorf("running as root and no postgres user to run the server as: %w", err)
	}
	uid, _ := strconv.Atoi(pg.Uid)
	gid, _ := strconv.Atoi(pg.Gid)
	if err := os.Chown(dir, uid, gid); err != nil {
		return nil, err
	}
	runuser, err := exec.LookPath("runuser")
	if err != nil {
		return nil, fmt.Errorf("running as root and no runuser to run the server as postgres: %w", err)
	}
	return func(name string, args ...string) error {
		return runCmd(runuser, append([]string{"-u", "postgres", "--", name}, args...)...)
	}, nil
}

func runCmd(name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Dir = os.TempDir() // the postgres user may not read the caller's directory
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %v: %w\n%s", filepath.Base(name), args, err, out.Bytes())
	}
	return nil
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("pick a port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
