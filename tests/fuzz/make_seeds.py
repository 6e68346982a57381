#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets from the golden vectors and the real transcripts.

usage: make_seeds.py DATA_DIR OUT_DIR

DATA_DIR is tests/data (vectors/*.json, real-transcripts/*.jsonl). OUT_DIR/<target>/ receives one
file per distinct seed, named by its SHA-1, and OUT_DIR/status.dict a libFuzzer dictionary of the
status document's member names. OUT_DIR is emptied first, so a removed vector leaves no stale seed.
"""

import glob
import hashlib
import json
import os
import re
import shutil
import struct
import sys

SHOW_SCHED, SHOW_EVT, SHOW_SA, STATUS, STATUS_VERBOSE = 0x0002, 0x0003, 0x0101, 0x0103, 0x0104
ISAKMP, IPSEC, AH, ESP = 0x01FF, 0x02FF, 0x0201, 0x0202
LONG_REPLY = 0x8000
EVT_ASYNC_SIZE = 280
TARGETS = ("ph1dump", "schedule", "sadbdump", "event", "status", "frames", "request", "cmdline")


def split_frame(frame):
    """(command, proto, errno, payload) of one reply frame, or None if it is not a whole frame."""
    if len(frame) < 8:
        return None
    length, cmd, third, proto = struct.unpack("<HHHH", frame[:8])
    errno = 0
    if cmd & LONG_REPLY:
        length += third << 16
    else:
        errno = struct.unpack("<h", frame[4:6])[0]
    if length != len(frame):
        return None
    return cmd & ~LONG_REPLY, proto, errno, frame[8:]


class Corpus:
    def __init__(self, out):
        self.out = out
        self.count = {t: 0 for t in TARGETS}
        self.status_keys = set()

    def add(self, target, data):
        path = os.path.join(self.out, target, hashlib.sha1(data).hexdigest())
        if not os.path.exists(path):
            with open(path, "wb") as f:
                f.write(data)
            self.count[target] += 1

    def add_reply(self, frame):
        parts = split_frame(frame)
        if parts is None:
            return
        cmd, proto, errno, payload = parts
        if errno != 0:
            return
        if cmd == SHOW_SA and proto == ISAKMP:
            self.add("ph1dump", payload)
        elif cmd == SHOW_SA and proto in (IPSEC, AH, ESP):
            self.add("sadbdump", payload)
        elif cmd == SHOW_SCHED:
            self.add("schedule", payload)
        elif cmd == SHOW_EVT and len(payload) >= EVT_ASYNC_SIZE:
            self.add("event", payload)
            if len(payload) > EVT_ASYNC_SIZE:
                self.add("event", payload[EVT_ASYNC_SIZE:])  # the mode-config attribute list alone
        elif cmd in (STATUS, STATUS_VERBOSE) and payload.lstrip().startswith(b"{"):
            self.add("status", payload)
            self.status_keys.update(re.findall(rb'"([A-Za-z0-9_\-]+)"\s*:', payload))

    def add_stream(self, frames, verbosity):
        """The frames target: an options byte, a read-size byte, then the stream."""
        stream = b"".join(frames)
        options = min(verbosity, 3)
        self.add("frames", bytes([options, 0]) + stream)
        self.add("frames", bytes([options | 4, 1]) + stream)

    def add_argv(self, argv):
        self.add("cmdline", b"\0".join(a.encode() for a in argv))

    def write_dictionary(self):
        with open(os.path.join(self.out, "status.dict"), "w") as f:
            for key in sorted(self.status_keys):
                f.write('"\\"%s\\""\n' % key.decode())
            for token in ("{", "}", "[", "]", ":", ",", "true", "false", "null", "\\u0000", "1e999", "-0"):
                f.write("%s\n" % json.dumps(token))


def from_vectors(corpus, directory):
    for path in sorted(glob.glob(os.path.join(directory, "*.json"))):
        with open(path) as f:
            case = json.load(f)
        argv = [a.replace("{sock}", "/run/racoon/racoon.sock") for a in case["argv"]]
        corpus.add_argv(argv)
        for hexframe in case.get("request_frames_hex", []):
            corpus.add("request", bytes.fromhex(hexframe))
        replies = [bytes.fromhex(h) for h in case.get("reply_frames_hex", [])]
        for frame in replies:
            corpus.add_reply(frame)
        if replies:
            corpus.add_stream(replies, argv.count("-l"))


def from_transcripts(corpus, directory):
    for path in sorted(glob.glob(os.path.join(directory, "*.jsonl"))):
        replies = []
        with open(path) as f:
            for line in f:
                record = json.loads(line)
                if record.get("type") != "frame":
                    continue
                frame = bytes.fromhex(record["hex"])
                if record.get("dir") == "c2s":
                    corpus.add("request", frame)
                else:
                    corpus.add_reply(frame)
                    replies.append(frame)
        meta = path[: -len(".jsonl")] + ".meta.json"
        argv = []
        if os.path.exists(meta):
            with open(meta) as f:
                argv = json.load(f).get("argv", [])
            corpus.add_argv(argv)
        if replies:
            corpus.add_stream(replies, argv.count("-l"))


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[2])
    data, out = sys.argv[1], sys.argv[2]
    shutil.rmtree(out, ignore_errors=True)
    for target in TARGETS:
        os.makedirs(os.path.join(out, target))
    corpus = Corpus(out)
    from_vectors(corpus, os.path.join(data, "vectors"))
    from_transcripts(corpus, os.path.join(data, "real-transcripts"))
    corpus.write_dictionary()
    print("fuzz seeds: " + ", ".join("%s %d" % (t, corpus.count[t]) for t in TARGETS))


if __name__ == "__main__":
    main()
