-- wrk script: POSTs the pre-signed ListMarketplaceParticipations bodies of BODIES (one a line) in turn.
-- With DELAY_MS set, each connection waits that long between calls (a steady rate below the maximum).
local bodies = {}
local file = assert(io.open(os.getenv("BODIES"), "r"))
for line in file:lines() do
  if #line > 0 then bodies[#bodies + 1] = line end
end
file:close()
local delay_ms = tonumber(os.getenv("DELAY_MS") or "0")
local i = 0

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8"
wrk.headers["User-Agent"] = "wrk/4 (Language=Lua)"

request = function()
  i = (i % #bodies) + 1
  return wrk.format(nil, nil, nil, bodies[i])
end

if delay_ms > 0 then
  delay = function() return delay_ms end
end

local errors = 0
response = function(status, headers, body)
  if status ~= 200 then errors = errors + 1 end
end

done = function(summary, latency, requests)
  io.write(string.format("non-200 answers: %d\n", summary.errors.status))
end
