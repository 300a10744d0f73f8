-- wrk script: every connection is one agent calling POST .../tasks/claim-next with the bench token.
-- Each wrk thread writes the keys of the tasks it won to KEYS_DIR/claims-<thread>.txt, so that
-- Seed.java can check afterwards that no task was handed out twice.
-- Environment: CLAIM_PATH, TOKEN, KEYS_DIR.

local counter = 0
local threads = {}

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  wrk.method = "POST"
  wrk.path = os.getenv("CLAIM_PATH")
  wrk.body = ""
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
  wrk.headers["Content-Type"] = "application/json"
  keys = io.open(os.getenv("KEYS_DIR") .. "/claims-" .. id .. ".txt", "a")
  keys:setvbuf("line")
  won, empty, other = 0, 0, 0
end

function response(status, headers, body)
  if status == 200 then
    local key = string.match(body, '"key":"([^"]+)"')
    keys:write((key or "?") .. "\n")
    won = won + 1
  elseif status == 204 then
    empty = empty + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local w, e, o = 0, 0, 0
  for _, t in ipairs(threads) do
    w = w + (t:get("won") or 0)
    e = e + (t:get("empty") or 0)
    o = o + (t:get("other") or 0)
  end
  io.write(string.format("claims: won=%d empty=%d other=%d\n", w, e, o))
end
