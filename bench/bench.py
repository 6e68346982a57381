#!/usr/bin/env python3
"""racoonctl and qracoon benchmarks against racoonsim (run through bench/run.sh).

For each SA count, starts racoonsim with `--bulk N` (N established gateways: N ISAKMP SAs and 2N SADB
entries), times `racoonctl show-sa isakmp` and `show-sa esp` (wall clock; user and sys from wait4,
peak RSS from /usr/bin/time), checks the output of the same runs (record count, the exact set of endpoints, the
layout of sample records), splits the work with racoonctl_phases (reading the reply, decoding,
printing, writing) and checks that racoonctl_phases printed the same text. Then times racoonctl's
start-up for show-sa isakmp on an empty daemon.

The applet's part: applet_bench times the whole Applet (models, proxies, the open window, offscreen)
refreshing 10,000 SAs with a few changed rows and taking a flood of 100,000 events from
`racoonsim --event-flood`; applet_desktop.py times qracoon's start-up to a visible tray icon under Xvfb
and trayer and measures it idle. Everything goes into one Markdown report.
"""

import argparse
import datetime
import ipaddress
import json
import os
import platform
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time

import applet_desktop

LOCAL = "192.0.2.2"
BULK_BASE = int(ipaddress.IPv4Address("198.18.0.0"))
# The SADB printout shows the client's current time; mask it when comparing two printouts.
NOW_FIELDS = re.compile(r"current: [^\t\n]*|diff: \d+\(s\)")


CheckFailed = applet_desktop.CheckFailed


def bulk_gateways(count):
    return {str(ipaddress.IPv4Address(BULK_BASE + i + 1)) for i in range(count)}


class Simulator:
    def __init__(self, racoonsim, config, directory, bulk, extra=()):
        self.socket = os.path.join(directory, "racoon.sock")
        self.log = open(os.path.join(directory, "racoonsim-%d.log" % bulk), "w")
        args = [racoonsim, "-s", self.socket, "-c", config]
        if bulk:
            args += ["--bulk", str(bulk)]
        args += list(extra)
        self.process = subprocess.Popen(args, stdout=self.log, stderr=subprocess.STDOUT)
        applet_desktop.wait_until_listening(self.process, self.socket, 300, self.log.name)

    def cpu_seconds(self):
        """User + system CPU time racoonsim has used so far."""
        with open("/proc/%d/stat" % self.process.pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


def peak_rss_kib(args, stdout_path):
    """Peak RSS of one run of args, measured by /usr/bin/time.

    Not from wait4 here: Linux keeps the largest RSS a process had across exec, and a child forked from
    this Python process starts with Python's, which holds the big outputs it checks.
    """
    report = stdout_path + ".rss"
    with open(stdout_path, "wb") as out:
        result = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", report] + args, stdout=out,
                                stderr=subprocess.PIPE)
    if result.returncode != 0:
        raise CheckFailed("%s exited with status %d: %s" % (" ".join(args), result.returncode,
                                                            result.stderr.decode(errors="replace").strip()))
    with open(report) as f:
        return int(f.read().split()[-1])


def timed_run(args, stdout_path, sim=None):
    """Runs args; returns wall, user, sys (s) from wait4, peak RSS (KiB) and racoonsim's CPU (s)."""
    with open(stdout_path, "wb") as out, open(stdout_path + ".err", "w+b") as err:
        before = sim.cpu_seconds() if sim else 0.0
        start = time.perf_counter()
        process = subprocess.Popen(args, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        after = sim.cpu_seconds() if sim else 0.0
        process.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode(errors="replace").strip()
    if process.returncode != 0:
        raise CheckFailed("%s exited with status %d: %s" % (" ".join(args), process.returncode, stderr))
    return {"wall": wall, "user": usage.ru_utime, "sys": usage.ru_stime, "rss_kib": peak_rss_kib(args, stdout_path),
            "daemon_cpu": after - before}


def median_run(runs):
    ordered = sorted(runs, key=lambda r: r["wall"])
    return ordered[len(ordered) // 2]


def check_isakmp(path, count):
    with open(path) as f:
        lines = f.read().splitlines()
    if not lines or not lines[0].startswith("Destination"):
        raise CheckFailed("show-sa isakmp: no table header")
    rows = lines[1:]
    if len(rows) != count:
        raise CheckFailed("show-sa isakmp: %d rows, expected %d" % (len(rows), count))
    destinations = set()
    for row in rows:
        m = re.match(r"^(\d+\.\d+\.\d+\.\d+)\.500 +[0-9a-f]{16}:[0-9a-f]{16} \d{4}-\d\d-\d\d \d\d:\d\d:\d\d $", row)
        if not m:
            raise CheckFailed("show-sa isakmp: unexpected row %r" % row)
        destinations.add(m.group(1))
    if destinations != bulk_gateways(count):
        raise CheckFailed("show-sa isakmp: the destinations are not the %d bulk gateways" % count)
    return len(rows)


SADB_SAMPLE = [
    re.compile(r"^\tesp mode=tunnel spi=(\d+)\(0x([0-9a-f]{8})\) reqid=\d+\(0x[0-9a-f]{8}\)$"),
    re.compile(r"^\tE: \S+ +[0-9a-f]{8}( [0-9a-f]{8})*$"),
    re.compile(r"^\tA: \S+ +[0-9a-f]{8}( [0-9a-f]{8})*$"),
    re.compile(r"^\tseq=0x[0-9a-f]{8} replay=\d+ flags=0x[0-9a-f]{8} state=(mature|dying) $"),
]


def check_esp(path, count):
    with open(path) as f:
        text = f.read()
    if count == 0:
        if text != "No SAD entries.\n":
            raise CheckFailed("show-sa esp on an empty daemon printed %r" % text[:80])
        return 0
    records = re.split(r"\n(?=[^\t])", text.rstrip("\n"))
    if len(records) != 2 * count:
        raise CheckFailed("show-sa esp: %d records, expected %d" % (len(records), 2 * count))
    pairs = set()
    for record in records:
        m = re.match(r"^(\S+?)(?:\[\d+\])? (\S+?)(?:\[\d+\])? \n", record)
        if not m:
            raise CheckFailed("show-sa esp: unexpected record start %r" % record[:80])
        pairs.add((m.group(1), m.group(2)))
    expected = {(LOCAL, g) for g in bulk_gateways(count)} | {(g, LOCAL) for g in bulk_gateways(count)}
    if pairs != expected:
        raise CheckFailed("show-sa esp: the endpoint pairs are not those of the %d bulk gateways" % count)
    for record in (records[0], records[len(records) // 2], records[-1]):
        lines = record.split("\n")
        for pattern, line in zip(SADB_SAMPLE, lines[1:]):
            m = pattern.match(line)
            if not m:
                raise CheckFailed("show-sa esp: sample line %r does not match %s" % (line, pattern.pattern))
            if pattern is SADB_SAMPLE[0] and int(m.group(1)) != int(m.group(2), 16):
                raise CheckFailed("show-sa esp: spi %s is not 0x%s" % (m.group(1), m.group(2)))
        if not re.search(r"\n\tsadb_seq=\d+ pid=\d+ refcnt=\d+$", record):
            raise CheckFailed("show-sa esp: sample record without its sadb_seq line")
    return len(records)


def same_text(a, b):
    with open(a) as fa, open(b) as fb:
        return NOW_FIELDS.sub("", fa.read()) == NOW_FIELDS.sub("", fb.read())


def measure(args, sim, work, proto, count, repeat):
    out = os.path.join(work, "racoonctl-%s-%d.out" % (proto, count))
    runs = [timed_run([args.racoonctl, "-s", sim.socket, "show-sa", proto], out, sim) for _ in range(repeat)]
    records = check_isakmp(out, count) if proto == "isakmp" else check_esp(out, count)
    phases = []
    phases_out = os.path.join(work, "phases-%s-%d.out" % (proto, count))
    for _ in range(repeat):
        result = subprocess.run([args.phases, sim.socket, proto, phases_out], stdout=subprocess.PIPE, check=True)
        phases.append(json.loads(result.stdout))
    if not same_text(out, phases_out):
        raise CheckFailed("racoonctl_phases printed another text than racoonctl for show-sa %s" % proto)
    phase = {k: statistics.median(p[k] for p in phases) for k in phases[0]}
    run = median_run(runs)
    run.update(records=records, bytes=os.path.getsize(out), phases=phase)
    return run


def applet_env(work):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=os.path.join(work, "runtime"))
    os.makedirs(env["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    return env


def applet_json(args, work, what):
    result = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=applet_env(work))
    try:
        data = json.loads(result.stdout)
    except ValueError:
        raise CheckFailed("applet_bench %s printed no result (status %d): %s" % (
            what, result.returncode, result.stderr.decode(errors="replace").strip()[-400:]))
    if result.returncode != 0:
        raise CheckFailed("applet_bench %s failed: %s" % (what, json.dumps(data)))
    return data


def applet_refresh(args, work, count):
    return applet_json([args.applet_bench, "refresh", str(count), str(args.applet_changed),
                        str(args.applet_refreshes)], work, "refresh")


def applet_events(args, config, work):
    sim = Simulator(args.racoonsim, config, work, 0, ["--event-flood", str(args.events)])
    try:
        data = applet_json([args.applet_bench, "events", sim.socket, str(args.events)], work, "events")
    finally:
        sim.stop()
    if data["received"] != args.events or data["out_of_order"] or data["wrong_type"]:
        raise CheckFailed("the applet lost or reordered events: %s" % json.dumps(data))
    return data


def machine():
    model = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return {"nproc": os.cpu_count(), "cpu": model, "kernel": platform.release(),
            "load": " ".join("%.2f" % x for x in os.getloadavg())}


def fmt_ms(seconds):
    return "%.1f" % (seconds * 1000)


def write_applet_report(w, applet, args):
    w("## qracoon: refreshing the SA views")
    w("")
    w("`applet_bench refresh`: the whole applet (Applet with its models, the sorted and filtered views of the")
    w("open window, offscreen) answered by a test backend. *N* ISAKMP SAs (one gateway each) and *N* IPsec")
    w("SAs (a pair per gateway); between two refreshes %d SAs of each kind change (byte counters, phase 2" %
      args.applet_changed)
    w("counts) and one IPsec pair is rekeyed (two SAs go, two new SPIs come). %d refreshes after the first" %
      args.applet_refreshes)
    w("load. *apply*: from the reply to the models and views updated (the time the UI thread is busy with")
    w("the reply); *settle*: apply plus the event loop turn that lays out and paints the window.")
    w("")
    w("| SAs per kind | gateway rows | first load ms | apply ms (median) | apply ms (max) | settle ms (median) "
      "| settle ms (max) | µs per SA (apply) |")
    w("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in applet["refresh"]:
        w("| %d | %d | %.1f | %.2f | %.2f | %.2f | %.2f | %.2f |" % (
            r["sas"], r["gateway_rows"], r["initial_settle_ms"], r["apply_ms_median"], r["apply_ms_max"],
            r["settle_ms_median"], r["settle_ms_max"], r["apply_ms_median"] * 1000 / (2 * r["sas"])))
    w("")
    w("What each model told its views per refresh (averages; the largest run). A reset would make a view")
    w("forget its selection and scroll position; *rows changed* counts the rows dataChanged covered.")
    w("")
    w("| model | resets | layout changes | rows inserted | rows removed | rows changed | dataChanged signals |")
    w("|---|---:|---:|---:|---:|---:|---:|")
    largest = applet["refresh"][-1]
    for key, label in (("isakmp_model", "ISAKMP SAs"), ("isakmp_view", "ISAKMP SAs, sorted view"),
                       ("ipsec_model", "IPsec SAs"), ("ipsec_view", "IPsec SAs, sorted view"),
                       ("gateway_model", "gateways")):
        m = largest[key]
        w("| %s | %g | %g | %g | %g | %g | %g |" % (label, m["resets"], m["layout_changes"], m["rows_inserted"],
                                                   m["rows_removed"], m["rows_changed"],
                                                   m["data_changed_signals"]))
    w("")
    e = applet["events"]
    w("## qracoon: an event flood")
    w("")
    w("`applet_bench events`: the applet on its direct backend, subscribed to `racoonsim --event-flood %d`," %
      e["events"])
    w("which pushes that many events (phase 1 up, mode-cfg with attributes, phase 2 up, phase 1 down, each")
    w("naming its own peer) as fast as the socket takes them. The event log is open in the window. Every")
    w("event was checked on arrival: its peer is the next in sequence and its type the expected one. The")
    w("UI thread's stall is the longest gap between two beats of a 2 ms timer on it, minus the 2 ms.")
    w("")
    w("| events | received | out of order | events/s | first to last s | longest UI stall ms "
      "| stalls over 16 ms | log rows kept | log ends with the last event |")
    w("|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    w("| %d | %d | %d | %.0f | %.2f | %.1f | %d | %d | %s |" % (
        e["events"], e["received"], e["out_of_order"], e["events_per_s"], e["first_to_last_s"],
        e["longest_stall_ms"], e["stalls_over_16ms"], e["log_rows"], "yes" if e["log_ends_with_last_event"] else "no"))
    w("")
    d = applet["desktop"]
    st = d["startup"]
    idle = d["idle"]
    w("## qracoon: start-up and idle")
    w("")
    w("`applet_desktop.py`: %s, racoonsim with its demo configuration, three" % d["display"])
    w("gateways in the settings. *icon*: from exec until trayer shows the embedded icon (polled every %.0f ms," %
      d["poll_ms"])
    w("so up to one poll late); *live*: until the applet knows racoon runs and has its event subscription.")
    w("%d start-ups; then one more left idle for %g s after a 5 s settle." % (d["repeat"], idle["seconds"]))
    w("")
    w("| start-up | median | min | max |")
    w("|---|---:|---:|---:|")
    for key, label in (("icon_ms", "exec to visible tray icon (ms)"), ("subscribed_ms", "exec to live (ms)"),
                       ("cpu_ms", "CPU until then (ms)")):
        v = st[key]
        w("| %s | %.1f | %.1f | %.1f |" % (label, v["median"], v["min"], v["max"]))
    w("")
    w("| idle | |")
    w("|---|---:|")
    w("| CPU over %g s (ms, 10 ms ticks) | %.0f |" % (idle["seconds"], idle["cpu_ms"]))
    w("| context switches per s | %.1f |" % idle["context_switches_per_s"])
    w("| threads | %d |" % idle["threads"])
    w("| RSS (MiB) | %.1f |" % idle["rss_mib"])
    w("| PSS (MiB; shared libraries divided among their users) | %.1f |" % idle["pss_mib"])
    w("| USS (MiB; pages no other process maps: library pages count when no other Qt program runs) | %.1f |" % idle["uss_mib"])
    w("| anonymous (MiB; the applet's own heap and stacks) | %.1f |" % idle["anonymous_mib"])
    w("| peak RSS (MiB) | %.1f |" % idle["vm_hwm_mib"])
    w("")


def write_report(path, info, results, startup, args, applet):
    lines = []
    w = lines.append
    w("# racoonctl and qracoon benchmarks")
    w("")
    w("Written by `bench/run.sh` on %s." % info["date"])
    w("")
    w("| machine | |")
    w("|---|---|")
    w("| CPU | %s |" % info["cpu"])
    w("| nproc | %d |" % info["nproc"])
    w("| kernel | %s |" % info["kernel"])
    w("| load average at start | %s |" % info["load"])
    w("| build | %s (`%s`) |" % (args.build_type, os.path.relpath(args.build_dir, args.top)))
    w("| repeats | %d per measurement, median shown |" % args.repeat)
    w("")
    w("`--bulk N` gives racoonsim N established gateways: N ISAKMP SAs and 2N SADB entries (one ESP SA")
    w("each way). Every racoonctl run below had its output checked: record count, the exact set of")
    w("endpoints, and the layout of the first, middle and last record.")
    w("")
    w("## show-sa: racoonctl as a whole")
    w("")
    w("*records/s* and *µs per record* are over the whole process (wall clock), start-up included.")
    w("*user* and *sys* come in the kernel's accounting ticks (4 ms here), *racoonsim CPU* (the daemon's")
    w("CPU time during the run) in 10 ms ticks.")
    w("")
    w("| command | --bulk | records | output MiB | wall ms | user ms | sys ms | peak RSS MiB | racoonsim CPU ms "
      "| records/s | µs per record |")
    w("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for proto in ("isakmp", "esp"):
        for count in args.counts:
            r = results[(proto, count)]
            w("| show-sa %s | %d | %d | %.1f | %s | %s | %s | %.1f | %s | %.0f | %.2f |" % (
                proto, count, r["records"], r["bytes"] / 2**20, fmt_ms(r["wall"]), fmt_ms(r["user"]),
                fmt_ms(r["sys"]), r["rss_kib"] / 1024, fmt_ms(r["daemon_cpu"]), r["records"] / r["wall"],
                r["wall"] / r["records"] * 1e6))
    w("")
    w("## show-sa: where the time goes (racoonctl_phases, same runs)")
    w("")
    w("*read*: connect, send the request and receive the whole reply (this includes racoonsim building it);")
    w("*print*: ReplyPrinter turning the reply into racoonctl's text (decoding included); *write*: writing")
    w("the text to a file; *decode*: decoding into model values only, as the applet does (not part of")
    w("racoonctl's work). racoonctl_phases printed exactly racoonctl's text in every row. *µs per record*")
    w("is read + print + write without process start-up; the last column compares it with the smallest")
    w("count (1.00× throughout would be a perfectly flat cost per SA).")
    w("")
    w("| command | --bulk | reply MiB | read ms | print ms | write ms | decode ms | read share | "
      "print µs per record | decode µs per record | µs per record | vs smallest |")
    w("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for proto in ("isakmp", "esp"):
        base = None
        for count in args.counts:
            r = results[(proto, count)]
            p = r["phases"]
            total = p["read_s"] + p["print_s"] + p["write_s"]
            n = r["records"]
            per = total / n
            base = base or per
            w("| show-sa %s | %d | %.1f | %s | %s | %s | %s | %.0f%% | %.2f | %.2f | %.2f | %.2f× |" % (
                proto, count, p["reply_bytes"] / 2**20, fmt_ms(p["read_s"]), fmt_ms(p["print_s"]),
                fmt_ms(p["write_s"]), fmt_ms(p["decode_s"]), 100 * p["read_s"] / total, p["print_s"] / n * 1e6,
                p["decode_s"] / n * 1e6, per * 1e6, per / base))
    w("")
    w("## racoonctl start-up")
    w("")
    w("`racoonctl show-sa isakmp` against racoonsim without SAs (prints the table header only), %d runs." %
      args.startup_repeat)
    w("")
    w("| | median | min | max |")
    w("|---|---:|---:|---:|")
    for key, label, scale, unit in (("wall", "wall", 1000, "ms"), ("user", "user", 1000, "ms"),
                                    ("sys", "sys", 1000, "ms"), ("rss_kib", "peak RSS", 1 / 1024, "MiB")):
        values = [s[key] * scale for s in startup]
        w("| %s (%s) | %.1f | %.1f | %.1f |" % (label, unit, statistics.median(values), min(values), max(values)))
    w("")
    if applet:
        write_applet_report(w, applet, args)
    with open(path, "w") as f:
        f.write("\n".join(lines))


def main():
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--build-dir", required=True)
    parser.add_argument("--build-type", default="RelWithDebInfo")
    parser.add_argument("--report", required=True)
    parser.add_argument("--counts", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--startup-repeat", type=int, default=20)
    parser.add_argument("--applet-sas", default="1000,10000", help="SAs per kind for the refresh benchmark")
    parser.add_argument("--applet-changed", type=int, default=5)
    parser.add_argument("--applet-refreshes", type=int, default=30)
    parser.add_argument("--events", type=int, default=100000)
    parser.add_argument("--desktop-repeat", type=int, default=5)
    parser.add_argument("--idle-seconds", type=float, default=10)
    parser.add_argument("--skip-applet", action="store_true", help="racoonctl only")
    args = parser.parse_args()
    args.top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    args.counts = [int(c) for c in args.counts.split(",")]
    args.racoonctl = os.path.join(args.build_dir, "qracoon/src/cli/racoonctl")
    args.racoonsim = os.path.join(args.build_dir, "qracoon/tools/racoonsim/racoonsim")
    args.phases = os.path.join(args.build_dir, "racoonctl_phases")
    args.applet_bench = os.path.join(args.build_dir, "applet_bench")
    args.qracoon = os.path.join(args.build_dir, "qracoon/src/applet/qracoon")
    config = os.path.join(args.top, "bench/bench.conf")

    info = machine()
    info["date"] = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    results = {}
    with tempfile.TemporaryDirectory(prefix="qracoon-bench-") as work:
        try:
            print("bench: start-up", flush=True)
            sim = Simulator(args.racoonsim, config, work, 0)
            try:
                out = os.path.join(work, "startup.out")
                startup = []
                for _ in range(args.startup_repeat):
                    startup.append(timed_run([args.racoonctl, "-s", sim.socket, "show-sa", "isakmp"], out))
                    check_isakmp(out, 0)
                empty_esp = os.path.join(work, "startup-esp.out")
                timed_run([args.racoonctl, "-s", sim.socket, "show-sa", "esp"], empty_esp)
                check_esp(empty_esp, 0)
            finally:
                sim.stop()
            for count in args.counts:
                print("bench: --bulk %d" % count, flush=True)
                sim = Simulator(args.racoonsim, config, work, count)
                try:
                    for proto in ("isakmp", "esp"):
                        results[(proto, count)] = r = measure(args, sim, work, proto, count, args.repeat)
                        print("bench:   show-sa %-6s %7d records  %8.1f ms  read %.1f ms  print %.1f ms" % (
                            proto, r["records"], r["wall"] * 1000, r["phases"]["read_s"] * 1000,
                            r["phases"]["print_s"] * 1000), flush=True)
                finally:
                    sim.stop()
            applet = None
            if not args.skip_applet:
                applet = {"refresh": []}
                for count in (int(c) for c in args.applet_sas.split(",")):
                    print("bench: applet refresh, %d SAs per kind" % count, flush=True)
                    applet["refresh"].append(r := applet_refresh(args, work, count))
                    print("bench:   apply %.2f ms, settle %.2f ms (medians)" % (
                        r["apply_ms_median"], r["settle_ms_median"]), flush=True)
                print("bench: applet event flood, %d events" % args.events, flush=True)
                applet["events"] = e = applet_events(args, config, work)
                print("bench:   %.0f events/s, longest UI stall %.1f ms" % (e["events_per_s"], e["longest_stall_ms"]),
                      flush=True)
                print("bench: applet start-up and idle (Xvfb + trayer)", flush=True)
                applet["desktop"] = d = applet_desktop.measure(args.qracoon, args.racoonsim,
                                                               os.path.join(work, "desktop"), args.desktop_repeat,
                                                               args.idle_seconds)
                print("bench:   tray icon after %.1f ms, idle USS %.1f MiB" % (
                    d["startup"]["icon_ms"]["median"], d["idle"]["uss_mib"]), flush=True)
        except CheckFailed as e:
            sys.exit("bench: FAILED: %s" % e)
    write_report(args.report, info, results, startup, args, applet)
    print("bench: report written to %s" % args.report)


if __name__ == "__main__":
    main()
