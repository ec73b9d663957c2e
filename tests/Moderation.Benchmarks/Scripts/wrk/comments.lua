-- POST /api/articles/{articleId}/comments, every request a different reader (a token file from mint-tokens.sh)
-- with its own Idempotency-Key and a short, varied, civil text. Writes stop WRITE_SECONDS after start, then
-- /health/live drains (see writes.lua). Start the silo with --Comments:PostInterval=00:00:00 and
-- --RateLimits:Enabled=false, or readers are refused.
-- Usage: wrk -t2 -c64 -d8s --timeout 10s -s comments.lua http://127.0.0.1:5080 -- TOKENS_FILE ARTICLE_ID RUN_ID THREADS WRITE_SECONDS
--   RUN_ID makes the idempotency keys unique to the run; THREADS must equal wrk's -t.
-- A post is written when it answers 201; published ones are counted apart (RESULT's extra `published=`), since
-- the filter may hold a comment. Afterwards the article's commentCount must equal `published`, and its recount
-- must scan `written` comments and correct nothing (hot-paths.sh checks).
local writes = dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "writes.lua")

local subjects = { "the council vote", "the new bridge", "the school budget", "the river clean-up", "the bus timetable",
  "the library hours", "the harbour plan", "the farmers market", "the cycling lanes", "the museum reopening" }
local views = { "Thanks for explaining %s so clearly.", "I would like to read more about %s next week.",
  "My neighbours and I talked about %s over dinner.", "Good reporting on %s, with the figures behind it.",
  "I disagree with the article's view of %s, but it was fair." }

function init(args)
  local tokens_file, article_id, thread_count, write_seconds = args[1], args[2], tonumber(args[4]), tonumber(args[5])
  key_prefix = args[3] .. "-" .. thread_id .. "-"
  path = "/api/articles/" .. article_id .. "/comments"
  published = 0
  writes.init(tokens_file, thread_count, write_seconds)
end

local function post(token, index)
  local text = string.format(views[index % #views + 1], subjects[(index * 7 + thread_id) % #subjects + 1])
  return wrk.format("POST", path,
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json", ["Idempotency-Key"] = key_prefix .. index },
    '{"body":"' .. text .. ' (' .. index .. ')"}')
end

function request()
  return writes.request(post)
end

local function created(status, body)
  if status ~= 201 then
    return false
  end
  if body:find('"status":"published"', 1, true) then
    published = published + 1
  end
  return true
end

function response(status, headers, body)
  writes.response(status, body, created)
end

function done(summary, latency, requests)
  writes.done()
  local total = 0
  for _, thread in ipairs(writes.threads) do
    total = total + thread:get("published")
  end
  io.write(string.format("RESULT published=%d\n", total))
end
