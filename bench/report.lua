-- wrk script: counts responses other than 200 and prints one JSON line at the end.
--   wrk -t2 -c16 -d10s --latency -s bench/report.lua URL
-- Latencies are reported by wrk in microseconds; the JSON gives milliseconds.

-- With the argument "vary" (wrk ... URL -- vary) every request adds "&_=<thread>-<n>" to the URL: a
-- parameter the app ignores, but one that makes each query string new, so no cached page can answer it.

local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  non200 = 0
  vary = args[1] == "vary"
  sent = 0
end

function request()
  if not vary then
    return wrk.request()
  end
  sent = sent + 1
  return wrk.format(nil, wrk.path .. "&_=" .. id .. "-" .. sent)
end

function response(status, headers, body)
  if status ~= 200 then
    non200 = non200 + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + (thread:get("non200") or 0)
  end
  local seconds = summary.duration / 1e6
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "seconds": %.3f, "requests_per_sec": %.2f, "mean_ms": %.3f, ' ..
    '"p50_ms": %.3f, "p95_ms": %.3f, "p99_ms": %.3f, "max_ms": %.3f, "bytes": %d, "non200": %d, ' ..
    '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}}\n',
    summary.requests, seconds, summary.requests / seconds, latency.mean / 1000,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.bytes, bad,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status,
    summary.errors.timeout))
end
