#!/usr/bin/env python3
"""Concurrent uploads to a running `enquete serve`, on the loopback only, for the load and fault
tests. Standard library only (asyncio over raw HTTP/1.1), bounded in count and time.

  portal_client.py upload --port P --jobs jobs.tsv --acks acks.jsonl [--deadline 300]
      jobs.tsv: token<TAB>survey<TAB>year<TAB>path, one upload each, all started at once.
      Every acknowledgement is appended to acks.jsonl (and flushed) the moment it arrives.
  portal_client.py check --ledger L --jobs jobs.tsv --acks acks.jsonl [--all-acked]
      Holds the ledger against the acknowledgements: every acknowledged file is there, once,
      with its SHA-256 and all its reports; no file is half there; no SIRET has two current reports.
"""
import argparse, asyncio, hashlib, ipaddress, json, os, sqlite3, sys, time

def loopback(host):
    if not ipaddress.ip_address(host).is_loopback:
        sys.exit(f"refused: {host} is not a loopback address")
    return host

async def upload(host, port, token, survey, year, path, timeout):
    body = open(path, "rb").read()
    name = os.path.basename(path)
    head = (f"POST /campagnes/{survey}/{year}/depots?nom={name} HTTP/1.1\r\nHost: {host}:{port}\r\n"
            f"Authorization: Bearer {token}\r\nContent-Type: application/xml\r\nAccept: application/json\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode()
    started = time.monotonic()
    reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), timeout)
    try:
        writer.write(head + body)
        await writer.drain()
        raw = await asyncio.wait_for(reader.read(), timeout)
    finally:
        writer.close()
    elapsed = time.monotonic() - started
    header, _, payload = raw.partition(b"\r\n\r\n")
    status = int(header.split(b" ", 2)[1]) if header else 0
    return status, payload, elapsed, hashlib.sha256(body).hexdigest()

async def run_uploads(args):
    jobs = [line.rstrip("\n").split("\t") for line in open(args.jobs) if line.strip()]
    acks = open(args.acks, "a")
    results = []
    gate = asyncio.Event()

    async def one(index, job):
        await gate.wait()
        token, survey, year, path = job
        try:
            status, payload, elapsed, sha = await upload(args.host, args.port, token, survey, year, path, args.deadline)
        except Exception as error:  # a refused or broken connection: not acknowledged
            results.append((index, None, 0.0))
            return
        ack = None
        if status in (200, 201, 422):
            try:
                ack = json.loads(payload)
            except ValueError:
                pass
        if ack and ack.get("sha256") == sha:
            acks.write(json.dumps({"job": index, "status": status, "id": ack["id"], "sha256": sha,
                                   "statut": ack["statut"], "seconds": elapsed}) + "\n")
            acks.flush()
        results.append((index, status, elapsed))

    tasks = [asyncio.create_task(one(i, job)) for i, job in enumerate(jobs)]
    await asyncio.sleep(0.2)
    started = time.monotonic()
    gate.set()  # the deadline: everybody at once
    try:
        await asyncio.wait_for(asyncio.gather(*tasks), args.deadline)
    except asyncio.TimeoutError:
        print(f"stopped after {args.deadline} s", file=sys.stderr)
    wall = time.monotonic() - started
    ok = sorted(e for _, s, e in results if s in (200, 201, 422))
    statuses = {}
    for _, s, _ in results:
        statuses[s] = statuses.get(s, 0) + 1
    print(f"uploads: {len(jobs)}, answered: {len(ok)}, statuses: {statuses}")
    if ok:
        p = lambda q: ok[min(len(ok) - 1, int(q * len(ok)))]
        print(f"latency p50 {p(0.50) * 1000:.0f} ms, p99 {p(0.99) * 1000:.0f} ms, max {ok[-1] * 1000:.0f} ms")
        print(f"throughput {len(ok) / wall:.1f} uploads/s ({wall:.1f} s wall)")

def check(args):
    jobs = [line.rstrip("\n").split("\t") for line in open(args.jobs) if line.strip()]
    acks = [json.loads(line) for line in open(args.acks) if line.strip()]
    db = sqlite3.connect(f"file:{args.ledger}?mode=ro", uri=True)
    problems = []
    if db.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
        problems.append("integrity_check failed")
    for ack in acks:
        rows = db.execute("SELECT id FROM submission_file WHERE sha256 = ?", (ack["sha256"],)).fetchall()
        if rows != [(ack["id"],)]:
            problems.append(f"acknowledged job {ack['job']} (id {ack['id']}): ledger has {rows}")
    # No file half there: each file holds exactly the reports it says it read.
    for file_id, declared, counted in db.execute(
            "SELECT f.id, f.report_count, (SELECT count(*) FROM report r WHERE r.file_id = f.id) FROM submission_file f"):
        if declared != counted:
            problems.append(f"file {file_id}: {counted} reports stored of {declared}")
    duplicated = db.execute("SELECT sha256, count(*) FROM submission_file GROUP BY sha256 HAVING count(*) > 1").fetchall()
    problems += [f"stored twice: {sha}" for sha, _ in duplicated]
    two_current = db.execute(
        "SELECT survey, year, siret FROM report WHERE is_current GROUP BY 1, 2, 3 HAVING count(*) > 1").fetchall()
    problems += [f"two current reports: {row}" for row in two_current]
    acked = {a["job"] for a in acks}
    job_shas = {hashlib.sha256(open(j[3], "rb").read()).hexdigest(): i for i, j in enumerate(jobs)}
    stored = {sha for (sha,) in db.execute("SELECT sha256 FROM submission_file")}
    unacked_stored = sum(1 for sha, i in job_shas.items() if sha in stored and i not in acked)
    missing = [i for i in range(len(jobs)) if i not in acked]
    if args.all_acked and missing:
        problems.append(f"{len(missing)} uploads not acknowledged")
    print(f"ledger: {len(stored)} files; acknowledged {len(acked)} of {len(jobs)}, all present once; "
          f"stored but not acknowledged (committed, answer lost): {unacked_stored}")
    for problem in problems[:20]:
        print("PROBLEM:", problem)
    return 1 if problems else 0

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["upload", "check"])
    parser.add_argument("--host", default="127.0.0.1", type=loopback)
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--jobs", required=True)
    parser.add_argument("--acks", required=True)
    parser.add_argument("--ledger")
    parser.add_argument("--deadline", type=float, default=300)
    parser.add_argument("--all-acked", action="store_true")
    args = parser.parse_args()
    if args.mode == "upload":
        asyncio.run(run_uploads(args))
        return 0
    return check(args)

if __name__ == "__main__":
    sys.exit(main())
