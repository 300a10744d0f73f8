-- wrk script: prints the 95th percentile of latency (wrk's own --latency lists 50, 75, 90 and 99 only).
function done(summary, latency, requests)
  io.write(string.format("p95: %.2fms\n", latency:percentile(95) / 1000))
end
