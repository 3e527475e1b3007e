#!/usr/bin/env python3
"""Differential test: our toml-test decoder against Python's tomllib (TOML 1.0).

usage: toml_differential.py DECODER SHARED_TOML_TEST_DIR [--count N] [--seed S]

Generates N documents from seed S: about half well-formed documents built
from every TOML 1.0 construct (with a small key pool, so duplicate keys and
table redefinitions happen naturally), the other half the same documents with
random byte mutations. Each document goes to both decoders; they must agree
on accept/reject, and accepted documents must decode to the same values
(floats by bit pattern, fractions of seconds truncated to microseconds, as
tomllib keeps no more). Exit status 1 on any disagreement, with the document
written to a file for reproduction.
"""

import argparse
import concurrent.futures as cf
import itertools
import json
import math
import os
import random
import struct
import subprocess
import sys
import tempfile

KEYS = ["a", "b", "c", "name", "every", "1", "-", "_", "x-y", "0x1"]
QUOTED_KEYS = ['"a"', '"a b"', "'a'", '""', '"\\u0061"', '"é"', "'x.y'", '"\\t"']


class Gen:
    def __init__(self, rnd):
        self.r = rnd

    def chance(self, p):
        return self.r.random() < p

    def pick(self, xs):
        return self.r.choice(xs)

    # -- keys ---------------------------------------------------------------
    def simple_key(self):
        return self.pick(QUOTED_KEYS) if self.chance(0.15) else self.pick(KEYS)

    def key(self):
        parts = [self.simple_key() for _ in range(self.r.choice([1, 1, 1, 2, 3]))]
        sep = self.pick([".", ".", " . ", "\t.", ". "])
        return sep.join(parts)

    # -- scalars --------------------------------------------------------------
    def basic_string(self):
        pieces = ["water", " ", "é", "東京", "\U0001F4A7", "#", "=", "'", "\\\"", "\\\\", "\\n", "\\t",
                  "\\b", "\\f", "\\r", "\\u00e9", "\\U0001F600", "\\u0000", "\\u007F", "\t", "[", "}"]
        return '"' + "".join(self.pick(pieces) for _ in range(self.r.randint(0, 5))) + '"'

    def literal_string(self):
        pieces = ["salt", " ", "C:\\path", "\\n", '"', "é", "\t", "#"]
        return "'" + "".join(self.pick(pieces) for _ in range(self.r.randint(0, 4))) + "'"

    def ml_basic_string(self):
        pieces = ["line", "\n", "\\\n   ", "\\  \n\n  ", '"', '""', "\\\"\\\"\\\"", "\\t", "é", " ", "\t", "\\u00e9"]
        body = "".join(self.pick(pieces) for _ in range(self.r.randint(0, 6)))
        start = self.pick(['"""', '"""\n'])
        end = self.pick(['"""', '""""', '"""""']) if not body.endswith("\\") else '"""'
        return start + body + end

    def ml_literal_string(self):
        pieces = ["line", "\n", "'", "''", "\\", '"""', " ", "é", "\t"]
        body = "".join(self.pick(pieces) for _ in range(self.r.randint(0, 6)))
        return self.pick(["'''", "'''\n"]) + body + self.pick(["'''", "''''", "'''''"])

    def integer(self):
        k = self.r.randint(0, 9)
        if k == 0:
            return self.pick(["9223372036854775807", "-9223372036854775808", "9223372036854775808",
                              "-9223372036854775809", "0x7FFFFFFFFFFFFFFF", "0x8000000000000000", "+0", "-0"])
        if k == 1:
            return hex(self.r.randint(0, 2 ** 40)).replace("0x", self.pick(["0x", "0x"])) + self.pick(["", "_ab"])
        if k == 2:
            return "0o" + oct(self.r.randint(0, 4096))[2:]
        if k == 3:
            return "0b" + bin(self.r.randint(0, 4096))[2:]
        if k == 4:
            return f"{self.r.randint(0, 10 ** 9):_}"
        n = str(self.r.randint(-10 ** 6, 10 ** 6))
        return self.pick(["", "+"]) + n if not n.startswith("-") else n

    def float_(self):
        k = self.r.randint(0, 7)
        if k == 0:
            return self.pick(["inf", "+inf", "-inf", "nan", "+nan", "-nan", "-0.0", "+0.0", "0e0", "1e-400", "1e400",
                              "4.9e-324", "1.7976931348623157e308", "0.1", "1_000.000_1"])
        if k == 1:
            return f"{self.r.uniform(-1e6, 1e6):.{self.r.randint(1, 17)}f}"
        if k == 2:
            return f"{self.r.uniform(1, 9):.{self.r.randint(0, 16)}e}".replace("e", self.pick(["e", "E"]))
        if k == 3:
            return str(self.r.randint(0, 99)) + self.pick(["e", "E"]) + self.pick(["", "+", "-"]) + str(self.r.randint(0, 330))
        return repr(struct.unpack("<d", struct.pack("<Q", self.r.getrandbits(64)))[0]).replace("nan", "1.5")

    def date(self):
        y, m = self.r.randint(1, 9999), self.r.randint(1, 12)
        d = self.r.randint(1, 31 if self.chance(0.1) else 28)
        if self.chance(0.03):
            y, m, d = self.pick([(2000, 2, 29), (1900, 2, 29), (2024, 2, 29), (2023, 4, 31), (2023, 2, 30)])
        return f"{y:04d}-{m:02d}-{d:02d}"

    def time(self):
        s = f"{self.r.randint(0, 23):02d}:{self.r.randint(0, 59):02d}:{self.r.randint(0, 59):02d}"
        if self.chance(0.4):
            s += "." + "".join(str(self.r.randint(0, 9)) for _ in range(self.r.randint(1, 9)))
        return s

    def offset(self):
        if self.chance(0.4):
            return self.pick(["Z", "z"])
        return self.pick(["+", "-"]) + f"{self.r.randint(0, 23):02d}:{self.r.randint(0, 59):02d}"

    def datetime(self):
        k = self.r.randint(0, 3)
        if k == 0:
            return self.date() + self.pick(["T", "t", " "]) + self.time() + self.offset()
        if k == 1:
            return self.date() + self.pick(["T", "t", " "]) + self.time()
        if k == 2:
            return self.date()
        return self.time()

    # -- compound -------------------------------------------------------------
    def array(self, depth):
        n = self.r.randint(0, 4)
        ws = lambda: self.pick(["", " ", "\n", " # c\n", "\t", "\n\n  "])
        items = [ws() + self.value(depth + 1) + ws() for _ in range(n)]
        trailing = "," + ws() if n and self.chance(0.3) else ""
        return "[" + ",".join(items) + trailing + "]"

    def inline_table(self, depth):
        n = self.r.randint(0, 3)
        items = [self.key() + self.pick([" = ", "=", " =\t"]) + self.value(depth + 1) for _ in range(n)]
        return "{" + self.pick(["", " "]) + self.pick([", ", ","]).join(items) + self.pick(["", " "]) + "}"

    def value(self, depth=0):
        kinds = [self.basic_string, self.literal_string, self.ml_basic_string, self.ml_literal_string,
                 self.integer, self.float_, self.datetime, lambda: self.pick(["true", "false"])]
        if depth < 4:
            kinds += [lambda: self.array(depth), lambda: self.inline_table(depth)]
        return self.pick(kinds)()

    def document(self):
        nl = "\r\n" if self.chance(0.15) else "\n"
        lines = []
        for _ in range(self.r.randint(1, 14)):
            k = self.r.random()
            if k < 0.55:
                line = self.key() + self.pick([" = ", "=", "\t=  "]) + self.value()
            elif k < 0.7:
                line = "[" + self.pick(["", " "]) + self.key() + self.pick(["", " "]) + "]"
            elif k < 0.82:
                line = "[[" + self.pick(["", " "]) + self.key() + self.pick(["", " "]) + "]]"
            elif k < 0.9:
                line = "# comment " + self.pick(["", "é", "\t", "# more", "'\"[]"])
            else:
                line = self.pick(["", " ", "\t"])
            if self.chance(0.15):
                line += self.pick(["  # trailing", " #", "\t# é"])
            lines.append(self.pick(["", " ", "\t"]) + line)
        text = nl.join(lines) + (nl if self.chance(0.8) else "")
        return text.encode("utf-8")

    def mutate(self, data):
        b = bytearray(data)
        for _ in range(self.r.randint(1, 3)):
            k = self.r.randint(0, 4)
            i = self.r.randint(0, len(b)) if b else 0
            if k == 0 and b:
                del b[min(i, len(b) - 1)]
            elif k == 1:
                b[i:i] = self.pick([b"=", b".", b'"', b"'", b"[", b"]", b"{", b"}", b",", b"\n", b"\r", b"#",
                                    b"\\", b"_", b"0", b"e", b"+", b":", b"T", b" ", b"\x00", b"\x7f", b"\xff", b"\xc3"])
            elif k == 2 and b:
                j = self.r.randint(0, len(b) - 1)
                b[j] = self.r.randint(0, 127)
            elif k == 3:
                lines = bytes(b).split(b"\n")
                if lines:
                    line = self.pick(lines)
                    b += b"\n" + line
            else:
                b[i:i] = self.r.choice([b" ", b"\t", b"a", b"1"])
        return bytes(b)


# -- decoding -------------------------------------------------------------------

def tomllib_decode(mod, data):
    """(True, tagged) or (False, message), using the shared decoder's policy."""
    import tomllib
    try:
        text = data.decode("utf-8")
        if text.startswith("\ufeff"):
            text = text[1:]
        return True, mod.tag(tomllib.loads(text), check_int64=True)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, mod.RangeError, RecursionError) as e:
        return False, f"{type(e).__name__}: {e}"


def ours_decode(decoder, data):
    p = subprocess.run(decoder, input=data, capture_output=True, timeout=10)
    if p.returncode == 0:
        return True, json.loads(p.stdout)
    if p.returncode == 1:
        return False, p.stderr.decode("utf-8", "replace")
    raise RuntimeError(f"decoder exit status {p.returncode}: {p.stderr[-400:]!r}")


def normalize(v):
    """Tagged JSON in a form where equal TOML values are equal Python values."""
    if isinstance(v, list):
        return [normalize(x) for x in v]
    if set(v) == {"type", "value"} and isinstance(v["value"], str):
        t, s = v["type"], v["value"]
        if t == "float":
            x = float(s)
            return (t, "nan" if math.isnan(x) else struct.pack("<d", x))
        if t == "integer":
            return (t, int(s))
        if t in ("datetime", "datetime-local", "time-local"):
            s = s.replace("t", "T").replace(" ", "T").replace("z", "Z").replace("+00:00", "Z").replace("-00:00", "Z")
            if "." in s:  # tomllib keeps microseconds: truncate to 6 digits, drop trailing zeros
                head, rest = s.split(".", 1)
                digits = "".join(itertools.takewhile(str.isdigit, rest))
                suffix = rest[len(digits):]
                digits = digits[:6].rstrip("0")
                s = head + ("." + digits if digits else "") + suffix
            return (t, s)
        return (t, s)
    return {k: normalize(x) for k, x in v.items()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("decoder")
    ap.add_argument("toml_test_dir")
    ap.add_argument("--count", type=int, default=6000)
    ap.add_argument("--seed", type=int, default=20261125)
    args = ap.parse_args()

    sys.path.insert(0, args.toml_test_dir)
    import tomllib_decoder as mod

    decoder = args.decoder.split() + ["--toml", "1.0"]
    rnd = random.Random(args.seed)
    gen = Gen(rnd)
    docs = []
    for _ in range(args.count):
        doc = gen.document()
        docs.append(gen.mutate(doc) if gen.chance(0.5) else doc)

    def check(i):
        data = docs[i]
        ok_py, py = tomllib_decode(mod, data)
        ok_us, us = ours_decode(decoder, data)
        if ok_py != ok_us:
            why = py if not ok_py else us
            return f"tomllib {'accepts' if ok_py else 'rejects'}, we {'accept' if ok_us else 'reject'}: {why.strip()}"
        if ok_py and normalize(py) != normalize(us):
            return f"values differ:\n  tomllib: {json.dumps(py, ensure_ascii=False)[:600]}\n  ours:    {json.dumps(us, ensure_ascii=False)[:600]}"
        return ok_py

    failures, accepted = 0, 0
    with cf.ThreadPoolExecutor(max_workers=2) as pool:
        for i, result in enumerate(pool.map(check, range(len(docs)))):
            if result is True:
                accepted += 1
            elif result is not False:
                failures += 1
                if failures <= 10:
                    fd, path = tempfile.mkstemp(prefix="toml-diff-", suffix=".toml")
                    os.write(fd, docs[i])
                    os.close(fd)
                    print(f"DISAGREE doc {i} ({path}): {result}\n  {docs[i][:300]!r}")
    print(f"toml-differential: {len(docs)} documents (seed {args.seed}), {accepted} valid, "
          f"{len(docs) - accepted - failures} invalid, {failures} disagreements")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
