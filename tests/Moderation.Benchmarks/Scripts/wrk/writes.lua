-- Shared by votes.lua and comments.lua (loaded with dofile): each request a new reader from a file of tokens,
-- the writes stopped before wrk stops so that none is in flight at the end, and the answers counted, so that
-- the service's stored counts can be checked against them exactly.
--
-- For `write_seconds` after a thread starts it sends writes; after that, until wrk's -d ends, GET /health/live
-- (the drain): wrk drops whatever is in flight when it stops, and a write dropped there may or may not have
-- been stored, so no write may be in flight then. done() prints one line for the driver:
--   RESULT written=<2xx> refused=<other statuses> issued=<writes sent> drain=<health answers>
--          seconds=<first write sent to last write answered> rate=<written/seconds> exhausted=<threads out of tokens>
-- and a line `REFUSED status=<code> count=<n>` for each status that refused writes.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_usec; } hp_timeval;
  int gettimeofday(hp_timeval *tv, void *tz);
]]
local clock = ffi.new("hp_timeval")

local function now()
  ffi.C.gettimeofday(clock, nil)
  return tonumber(clock.tv_sec) + tonumber(clock.tv_usec) / 1e6
end

local writes = { threads = {} }
local next_id = 1

function setup(thread)
  thread:set("thread_id", next_id)
  next_id = next_id + 1
  table.insert(writes.threads, thread)
end

-- tokens_file: one token per line; thread k of n takes lines k, k+n, k+2n, ...
function writes.init(tokens_file, thread_count, write_seconds)
  tokens = {}
  local line_number = 0
  for line in io.lines(tokens_file) do
    if line_number % thread_count == thread_id - 1 then
      tokens[#tokens + 1] = line
    end
    line_number = line_number + 1
  end
  if #tokens == 0 then
    error("no tokens for thread " .. thread_id .. " in " .. tokens_file)
  end
  stop_writes_at = now() + write_seconds
  drain_request = wrk.format("GET", "/health/live")
  issued, written, refused, drained, exhausted = 0, 0, 0, 0, 0
  refusals = {}   -- refused answers by status, for done()
  first_write, last_write = 0, 0
end

-- make_write(token, index) builds the write for the index-th reader of this thread.
function writes.request(make_write)
  if issued >= #tokens then
    exhausted = 1
    return drain_request
  end
  local at = now()
  if at >= stop_writes_at then
    return drain_request
  end
  if issued == 0 then
    first_write = at
  end
  issued = issued + 1
  return make_write(tokens[issued], issued)
end

-- is_written(status, body) says whether a write's answer acknowledges it.
function writes.response(status, body, is_written)
  if body:sub(1, 19) == '{"status":"Healthy"' then
    drained = drained + 1
    return
  end
  last_write = now()
  if is_written(status, body) then
    written = written + 1
  else
    refused = refused + 1
    refusals[tostring(status)] = (refusals[tostring(status)] or 0) + 1
  end
end

function writes.done()
  local sums = { written = 0, refused = 0, issued = 0, drained = 0, exhausted = 0 }
  local first, last = math.huge, 0
  local by_status = {}
  for _, thread in ipairs(writes.threads) do
    for name, _ in pairs(sums) do
      sums[name] = sums[name] + thread:get(name)
    end
    for status, count in pairs(thread:get("refusals")) do
      by_status[status] = (by_status[status] or 0) + count
    end
    if thread:get("issued") > 0 then
      first = math.min(first, thread:get("first_write"))
      last = math.max(last, thread:get("last_write"))
    end
  end
  local seconds = last > first and last - first or 0
  io.write(string.format("RESULT written=%d refused=%d issued=%d drain=%d seconds=%.3f rate=%.1f exhausted=%d\n",
    sums.written, sums.refused, sums.issued, sums.drained, seconds, seconds > 0 and sums.written / seconds or 0,
    sums.exhausted))
  for status, count in pairs(by_status) do
    io.write(string.format("REFUSED status=%s count=%d\n", status, count))
  end
end

return writes
