#!/usr/bin/env python3
"""The qracoon tray applet on a virtual X display: start-up time to a tray icon, idle memory and CPU.

Sets up the desktop of tests/e2e/tray_e2e.sh (Xvfb, trayer as the XEmbed tray host, no session bus so
Qt uses XEmbed rather than StatusNotifierItem, racoonsim with its demo config, three gateways). Then:

- start-up, `repeat` times: the wall time from just before exec until the applet's icon window sits in
  trayer's panel and is viewable (`xwininfo -tree -name panel` polled every ~10 ms, one call taking a
  few ms, so each value is an upper bound within about one poll), and when the state trace
  (QRACOON_STATE_LOG, src/applet/StateTrace.h) said "daemon running" and "subscribed". The trace stamps
  count from the applet's own clock, which starts as its Applet is built; `trace_start_ms` estimates
  exec to that point from the earliest sighting of the file or a line (polled every 2 ms), and the
  exec-relative times are trace stamp + trace_start_ms. `cpu_ms` is the applet's CPU time once it has
  both the icon and the subscription.
- idle: one more start, "subscribed" plus SETTLE_SECONDS, then CPU time and context switches over
  `idle_seconds`, and memory (smaps_rollup, status) and thread count at its end, plus a PNG of the tray.

Used by bench/bench.py (measure()) and on its own:
    python3 bench/applet_desktop.py --qracoon PATH --racoonsim PATH [--repeat 5 --idle-seconds 10]
Needs the Debian packages xvfb trayer x11-utils x11-apps imagemagick (tools/install-deps.sh).
"""

import argparse
import json
import os
import re
import select
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

SCREEN_W = 1280
SCREEN_H = 800
# trayer sits at the top right corner, 200x32; the crop leaves a margin around it.
TRAY_CROP = "240x40+%d+0" % (SCREEN_W - 240)
POLL_SECONDS = 0.01
# Reading the small trace file is cheap, so it is polled more often than xwininfo runs.
TRACE_POLL_SECONDS = 0.002
START_TIMEOUT = 20.0
SETTLE_SECONDS = 5.0
TOOLS = [
    ("Xvfb", "xvfb"),
    ("trayer", "trayer"),
    ("xwininfo", "x11-utils"),
    ("xwd", "x11-apps"),
    ("convert", "imagemagick"),
]
CONFIG = """[gateways]
1\\name=Lab gateway
1\\address=192.0.2.1
1\\remote=lab-gateway
1\\xauth=true
1\\user=labuser
2\\name=Branch office
2\\address=198.51.100.1
2\\remote=branch-office
3\\name=Silent gateway
3\\address=203.0.113.1
size=3
"""
TRACE_LINE = re.compile(r"^\s*(\d+) (.*)$")


class CheckFailed(Exception):
    pass


def tail(path, lines=20):
    try:
        with open(path, errors="replace") as f:
            text = f.read().splitlines()[-lines:]
    except OSError:
        return ""
    return "\n".join(text)


def summary(values):
    return {
        "median": round(statistics.median(values), 1),
        "min": round(min(values), 1),
        "max": round(max(values), 1),
    }


def cpu_ms(pid):
    """User + system CPU time of the whole process (all threads), in ms."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000.0 / os.sysconf("SC_CLK_TCK")


def context_switches(pid):
    """Voluntary and involuntary switches summed over the threads alive now (status counts per thread)."""
    total = 0
    for tid in os.listdir("/proc/%d/task" % pid):
        try:
            with open("/proc/%d/task/%s/status" % (pid, tid)) as f:
                for line in f:
                    if line.startswith(("voluntary_ctxt_switches:", "nonvoluntary_ctxt_switches:")):
                        total += int(line.split()[1])
        except OSError:
            pass  # the thread ended meanwhile
    return total


def kib_fields(path):
    fields = {}
    with open(path) as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 3 and parts[-1] == "kB":
                fields[parts[0].rstrip(":")] = int(parts[1])
            elif len(parts) == 2 and parts[0] == "Threads:":
                fields["Threads"] = int(parts[1])
    return fields


def mib(kib):
    return round(kib / 1024.0, 2)


def wait_until_listening(process, path, timeout, log_path):
    """Waits until racoonsim (process) accepts connections on path; CheckFailed if it exits or times out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise CheckFailed("racoonsim exited with status %d: %s" % (process.returncode, tail(log_path)))
        if os.path.exists(path):
            probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                probe.connect(path)
                return
            except OSError:
                pass
            finally:
                probe.close()
        time.sleep(0.05)
    raise CheckFailed("racoonsim did not listen on %s within %d s" % (path, timeout))


class Desktop:
    """Xvfb + trayer + racoonsim in work_dir; close() ends every process it started, applets included."""

    def __init__(self, work_dir):
        self.work = work_dir
        self.processes = []
        self.logs = []
        self.socket = os.path.join(work_dir, "racoon.sock")
        self.config_home = os.path.join(work_dir, "config")
        self.runtime = os.path.join(work_dir, "runtime")
        self.env = dict(os.environ)
        # No session bus: Qt then docks the icon through XEmbed, which trayer hosts.
        for name in ("DBUS_SESSION_BUS_ADDRESS", "SESSION_MANAGER", "WAYLAND_DISPLAY"):
            self.env.pop(name, None)
        self.env.update(
            XDG_CONFIG_HOME=self.config_home,
            XDG_RUNTIME_DIR=self.runtime,
            QT_QPA_PLATFORM="xcb",
            QT_QPA_PLATFORMTHEME="generic",
        )
        self.env.pop("QRACOON_STATE_LOG", None)
        self.xvfb = None

    def spawn(self, args, log_name, env=None, pass_fds=()):
        log = open(os.path.join(self.work, log_name), "w")
        self.logs.append(log)
        try:
            process = subprocess.Popen(
                args, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, env=env or self.env,
                pass_fds=pass_fds,
            )
        except OSError as e:
            raise CheckFailed("cannot start %s: %s" % (args[0], e))
        self.processes.append(process)
        return process

    def start(self, racoonsim):
        if len(self.socket) > 100:
            raise CheckFailed("work dir %s is too long for a Unix socket path" % self.work)
        os.makedirs(os.path.join(self.config_home, "qracoon"), exist_ok=True)
        os.makedirs(self.runtime, exist_ok=True)
        os.chmod(self.runtime, 0o700)
        if os.path.exists(self.socket):
            os.unlink(self.socket)
        self._start_xvfb()
        self._start_trayer()
        self._start_racoonsim(racoonsim)

    def _start_xvfb(self):
        read_end, write_end = os.pipe()
        try:
            # -noreset: the server would otherwise reset when its last client leaves, as a probing xwininfo
            # does before trayer connects, and refuse connections meanwhile.
            self.xvfb = self.spawn(
                ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "%dx%dx24" % (SCREEN_W, SCREEN_H),
                 "-nolisten", "tcp", "-noreset"],
                "xvfb.log",
                pass_fds=(write_end,),
            )
            os.close(write_end)
            write_end = -1
            text = b""
            deadline = time.monotonic() + 10
            while not text.endswith(b"\n") and time.monotonic() < deadline:
                ready, _, _ = select.select([read_end], [], [], max(0.0, deadline - time.monotonic()))
                if not ready:
                    break
                chunk = os.read(read_end, 64)
                if not chunk:
                    break
                text += chunk
        finally:
            os.close(read_end)
            if write_end >= 0:
                os.close(write_end)
        if not text.strip().isdigit():
            raise CheckFailed("Xvfb did not start: %s" % tail(os.path.join(self.work, "xvfb.log")))
        self.env["DISPLAY"] = ":" + text.strip().decode()
        # Clients start only once the server answers, so a failure below is theirs, not a start-up race.
        deadline = time.monotonic() + 5
        while self.xwininfo("-root").returncode != 0:
            if time.monotonic() > deadline or self.xvfb.poll() is not None:
                raise CheckFailed("Xvfb on %s does not answer (%s): %s" % (
                    self.env["DISPLAY"], self.xvfb_state(), tail(os.path.join(self.work, "xvfb.log"))))
            time.sleep(0.02)

    def xvfb_state(self):
        if self.xvfb.poll() is None:
            return "still running"
        return "exited with status %d" % self.xvfb.returncode

    def _start_trayer(self):
        trayer = self.spawn(
            ["trayer", "--edge", "top", "--align", "right", "--widthtype", "pixel", "--width", "200",
             "--height", "32", "--transparent", "false", "--SetDockType", "true"],
            "trayer.log",
        )
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            if trayer.poll() is not None:
                break
            if self.xwininfo("-name", "panel").returncode == 0:
                return
            time.sleep(0.05)
        raise CheckFailed("trayer's panel did not appear on %s (Xvfb %s): %s" % (
            self.env["DISPLAY"], self.xvfb_state(), tail(os.path.join(self.work, "trayer.log"))))

    def _start_racoonsim(self, racoonsim):
        sim = self.spawn([racoonsim, "--socket", self.socket], "racoonsim.log")
        wait_until_listening(sim, self.socket, 10, os.path.join(self.work, "racoonsim.log"))

    def xwininfo(self, *args):
        return subprocess.run(["xwininfo", *args], env=self.env, stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)

    def icon_geometry(self, viewable=False):
        """(x, y, width, height) of the applet's window in trayer's panel, or None (tray_e2e.sh's way).

        With viewable, also None while that window is not yet mapped with its ancestors: trayer embeds it
        first and maps it once laid out.
        """
        result = self.xwininfo("-tree", "-name", "panel")
        for line in result.stdout.splitlines():
            if '"qracoon"' not in line:
                continue
            fields = line.split()
            position = fields[-1].split("+")
            size = re.split(r"[x+]", fields[-2])
            try:
                geometry = int(position[1]), int(position[2]), int(size[0]), int(size[1])
            except (IndexError, ValueError):
                raise CheckFailed("cannot read the icon's geometry from xwininfo: %r" % line)
            if viewable and "Map State: IsViewable" not in self.xwininfo("-id", fields[0]).stdout:
                return None
            return geometry
        return None

    def stop(self, process, timeout=10):
        """SIGTERM, then SIGKILL after timeout; returns False when it took SIGKILL."""
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=timeout)
            return True
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            return False

    def close(self):
        for process in reversed(self.processes):
            self.stop(process, timeout=5)
        self.processes = []
        for log in self.logs:
            log.close()
        self.logs = []


class Applet:
    """One qracoon process with its own state trace."""

    def __init__(self, desktop, qracoon, name):
        self.desktop = desktop
        self.trace_path = os.path.join(desktop.work, "state-%s.log" % name)
        self.log_path = os.path.join(desktop.work, "applet-%s.log" % name)
        if os.path.exists(self.trace_path):
            os.unlink(self.trace_path)
        # The applet may rewrite its settings; every start sees the same three gateways.
        with open(os.path.join(desktop.config_home, "qracoon", "qracoon.conf"), "w") as f:
            f.write(CONFIG)
        env = dict(desktop.env, QRACOON_STATE_LOG=self.trace_path)
        self.lines = []  # (trace ms, text, ms since exec when a poll first saw it)
        self.seen = 0
        self.appeared_ms = None  # when a poll first saw the trace file, which opens as the clock starts
        self.size = -1
        self.started = time.perf_counter()
        self.process = desktop.spawn([qracoon, "--socket", desktop.socket], os.path.basename(self.log_path),
                                     env=env)

    def since_start_ms(self):
        return (time.perf_counter() - self.started) * 1000.0

    def read_trace(self):
        try:
            size = os.stat(self.trace_path).st_size
        except FileNotFoundError:
            return
        now = self.since_start_ms()
        if self.appeared_ms is None:
            self.appeared_ms = now
        if size == self.size:
            return
        self.size = size
        with open(self.trace_path, errors="replace") as f:
            text = f.read()
        complete = text.splitlines()[: text.count("\n")]
        for line in complete[self.seen:]:
            m = TRACE_LINE.match(line)
            if not m:
                raise CheckFailed("unexpected state trace line %r in %s" % (line, self.trace_path))
            self.lines.append((int(m.group(1)), m.group(2), now))
        self.seen = len(complete)

    def trace_ms(self, text):
        for stamp, line, _ in self.lines:
            if line == text:
                return stamp
        return None

    def check_alive(self):
        if self.process.poll() is not None:
            raise CheckFailed("qracoon exited with status %d: %s"
                              % (self.process.returncode, tail(self.log_path)))

    def wait_until_live(self):
        """Polls until the icon is in the panel and the trace says "subscribed"; returns the run's numbers."""
        icon_ms = None
        next_icon_poll = 0.0
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            tick = time.monotonic()
            self.check_alive()
            self.read_trace()
            if self.trace_ms("tray unavailable") is not None:
                raise CheckFailed("Qt found no system tray although trayer runs (trace: tray unavailable)")
            if icon_ms is None and tick >= next_icon_poll:
                next_icon_poll = tick + POLL_SECONDS
                if self.desktop.icon_geometry(viewable=True) is not None:
                    icon_ms = self.since_start_ms()
                self.read_trace()
            if icon_ms is not None and self.trace_ms("subscribed") is not None:
                break
            if tick > deadline:
                missing = [what for what, ok in (
                    ("viewable icon in trayer's panel", icon_ms is not None),
                    ('"daemon running"', self.trace_ms("daemon running") is not None),
                    ('"subscribed"', self.trace_ms("subscribed") is not None),
                ) if not ok]
                raise CheckFailed("no %s within %.0f s; state trace:\n%s\napplet log:\n%s" % (
                    " nor ".join(missing), START_TIMEOUT, tail(self.trace_path), tail(self.log_path)))
            time.sleep(TRACE_POLL_SECONDS)
        cpu = cpu_ms(self.process.pid)
        for text in ("tray available", "daemon running"):
            if self.trace_ms(text) is None:
                raise CheckFailed('no "%s" in the state trace before "subscribed":\n%s'
                                  % (text, tail(self.trace_path)))
        # The applet's clock starts after exec, as it opens the file; no poll can see the file before it
        # was created nor a line before it was written, so each sighting bounds that start from above.
        trace_start = min([self.appeared_ms] + [seen - stamp for stamp, _, seen in self.lines])
        return {
            "icon_ms": round(icon_ms, 1),
            "daemon_running_ms": round(self.trace_ms("daemon running") + trace_start, 1),
            "subscribed_ms": round(self.trace_ms("subscribed") + trace_start, 1),
            "trace_start_ms": round(trace_start, 1),
            "trace_daemon_running_ms": self.trace_ms("daemon running"),
            "trace_subscribed_ms": self.trace_ms("subscribed"),
            "cpu_ms": round(cpu, 1),
        }

    def quit(self):
        """SIGTERM, then waits until trayer's panel has lost the icon so the next run starts clean."""
        if not self.desktop.stop(self.process):
            raise CheckFailed("qracoon did not end within 10 s of SIGTERM")
        if self.process.returncode not in (0, -signal.SIGTERM):
            raise CheckFailed("qracoon ended with status %d: %s"
                              % (self.process.returncode, tail(self.log_path)))
        deadline = time.monotonic() + 5
        while self.desktop.icon_geometry() is not None:
            if time.monotonic() > deadline:
                raise CheckFailed("the qracoon icon stayed in trayer's panel after the applet ended")
            time.sleep(0.05)


def screenshot(desktop, icon, path):
    """Saves the tray area as PNG; fails when the icon's own rectangle has a single colour (nothing drawn)."""
    raw = os.path.join(desktop.work, "root.xwd")
    with open(raw, "wb") as f:
        if subprocess.run(["xwd", "-root", "-silent"], env=desktop.env, stdout=f).returncode != 0:
            raise CheckFailed("xwd -root failed")
    try:
        if subprocess.run(["convert", "xwd:" + raw, "-crop", TRAY_CROP, "+repage", path]).returncode != 0:
            raise CheckFailed("convert could not crop the screenshot")
        x, y, w, h = icon
        colours = subprocess.run(["convert", "xwd:" + raw, "-crop", "%dx%d+%d+%d" % (w, h, x, y), "+repage",
                                  "-format", "%k", "info:"], stdout=subprocess.PIPE, text=True)
        if colours.returncode != 0 or not colours.stdout.strip().isdigit():
            raise CheckFailed("convert could not count the icon's colours")
        count = int(colours.stdout)
    finally:
        os.unlink(raw)
    if count < 2:
        raise CheckFailed("the tray icon at %dx%d+%d+%d is a single colour: nothing drawn (see %s)"
                          % (w, h, x, y, path))
    return count


def idle(applet, idle_seconds):
    pid = applet.process.pid
    time.sleep(SETTLE_SECONDS)
    applet.check_alive()
    cpu_before = cpu_ms(pid)
    switches_before = context_switches(pid)
    began = time.monotonic()
    time.sleep(idle_seconds)
    applet.check_alive()
    cpu_after = cpu_ms(pid)
    switches_after = context_switches(pid)
    elapsed = time.monotonic() - began
    rollup = kib_fields("/proc/%d/smaps_rollup" % pid)
    status = kib_fields("/proc/%d/status" % pid)
    used = cpu_after - cpu_before
    return {
        "seconds": round(elapsed, 2),
        "settle_seconds": SETTLE_SECONDS,
        "cpu_ms": round(used, 1),
        "cpu_percent": round(used / (elapsed * 10.0), 3),
        "cpu_tick_ms": round(1000.0 / os.sysconf("SC_CLK_TCK"), 1),
        "context_switches_per_s": round((switches_after - switches_before) / elapsed, 1),
        "threads": status["Threads"],
        "rss_mib": mib(rollup["Rss"]),
        "pss_mib": mib(rollup["Pss"]),
        "uss_mib": mib(rollup["Private_Clean"] + rollup["Private_Dirty"]),
        "anonymous_mib": mib(rollup["Anonymous"]),
        "vm_rss_mib": mib(status["VmRSS"]),
        "vm_hwm_mib": mib(status["VmHWM"]),
    }


def measure(qracoon, racoonsim, work_dir, repeat=5, idle_seconds=10):
    """Start-up to the tray icon (repeat runs) and idle cost of qracoon under Xvfb + trayer + racoonsim.

    Raises CheckFailed when a tool is missing or the applet does not come up; leaves no process behind.
    """
    for tool, package in TOOLS:
        if shutil.which(tool) is None:
            raise CheckFailed("'%s' is missing: install the Debian package '%s' (apt-get install %s)"
                              % (tool, package, package))
    for binary in (qracoon, racoonsim):
        if not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
            raise CheckFailed("%s is not built" % binary)
    if repeat < 1 or idle_seconds <= 0:
        raise CheckFailed("repeat must be at least 1 and idle_seconds positive")
    qracoon = os.path.abspath(qracoon)
    racoonsim = os.path.abspath(racoonsim)
    work_dir = os.path.abspath(work_dir)
    os.makedirs(work_dir, exist_ok=True)
    load = os.getloadavg()

    desktop = Desktop(work_dir)
    try:
        desktop.start(racoonsim)
        display = desktop.env["DISPLAY"]
        runs = []
        for i in range(repeat):
            applet = Applet(desktop, qracoon, "run%d" % (i + 1))
            runs.append(applet.wait_until_live())
            applet.quit()

        applet = Applet(desktop, qracoon, "idle")
        applet.wait_until_live()
        idle_result = idle(applet, idle_seconds)
        shot = os.path.join(work_dir, "tray.png")
        icon = desktop.icon_geometry(viewable=True)
        if icon is None:
            raise CheckFailed("the qracoon icon left trayer's panel while idle")
        idle_result["icon_colours"] = screenshot(desktop, icon, shot)
        applet.quit()
    finally:
        desktop.close()

    keys = ("icon_ms", "daemon_running_ms", "subscribed_ms", "trace_start_ms", "cpu_ms")
    return {
        "load_average_start": [round(v, 2) for v in load],
        "display": "Xvfb %s %dx%dx24, trayer (XEmbed), QT_QPA_PLATFORM=xcb, no session bus"
        % (display, SCREEN_W, SCREEN_H),
        "repeat": repeat,
        "poll_ms": POLL_SECONDS * 1000,
        "startup": dict({key: summary([run[key] for run in runs]) for key in keys}, runs=runs),
        "idle": idle_result,
        "icon": {"x": icon[0], "y": icon[1], "width": icon[2], "height": icon[3]},
        "screenshot": shot,
        "work_dir": work_dir,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--qracoon", required=True, help="the qracoon executable")
    parser.add_argument("--racoonsim", required=True, help="the racoonsim executable")
    parser.add_argument("--work-dir", help="logs, traces and the screenshot (default: a new temp dir)")
    parser.add_argument("--repeat", type=int, default=5, help="start-up runs (default 5)")
    parser.add_argument("--idle-seconds", type=float, default=10, help="idle measurement window (default 10)")
    args = parser.parse_args()
    work_dir = args.work_dir or tempfile.mkdtemp(prefix="qracoon-desk-")
    # A plain SIGTERM would skip measure()'s clean-up and leave Xvfb and trayer behind.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    try:
        result = measure(args.qracoon, args.racoonsim, work_dir, args.repeat, args.idle_seconds)
    except CheckFailed as e:
        print("applet_desktop: FAIL: %s (logs in %s)" % (e, work_dir), file=sys.stderr)
        return 1
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
