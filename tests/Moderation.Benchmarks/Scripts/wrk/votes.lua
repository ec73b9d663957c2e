-- POST /api/polls/{pollId}/votes, every request a different reader (a token file from mint-tokens.sh), the option
-- chosen round robin. Writes stop WRITE_SECONDS after start, then /health/live drains (see writes.lua).
-- Usage: wrk -t2 -c64 -d8s --timeout 10s -s votes.lua http://127.0.0.1:5080 -- TOKENS_FILE POLL_ID OPTIONS THREADS WRITE_SECONDS
--   OPTIONS is a comma list of the votes to send in turn, each an option id (o1,o2,o3), option ids joined by '+' for a
--   multiple-choice poll (o1+o2+o3), or a number for a scale (1,2,3,4,5); THREADS must equal wrk's -t.
-- A vote is written when it answers 200 with outcome "counted". Afterwards, the poll's totalVotes must equal
-- the RESULT line's `written` and POST /api/polls/{id}/recount must list no difference (hot-paths.sh checks both).
local writes = dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "writes.lua")

function init(args)
  local tokens_file, poll_id, options, thread_count, write_seconds = args[1], args[2], args[3], tonumber(args[4]), tonumber(args[5])
  path = "/api/polls/" .. poll_id .. "/votes"
  bodies = {}
  for option in options:gmatch("[^,]+") do
    if option:find("+", 1, true) then
      bodies[#bodies + 1] = '{"optionIds":["' .. option:gsub("%+", '","') .. '"]}'
    elseif option:match("^%-?%d+$") then
      bodies[#bodies + 1] = '{"value":' .. option .. '}'
    else
      bodies[#bodies + 1] = '{"optionId":"' .. option .. '"}'
    end
  end
  writes.init(tokens_file, thread_count, write_seconds)
end

local function vote(token, index)
  return wrk.format("POST", path,
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" },
    bodies[index % #bodies + 1])
end

function request()
  return writes.request(vote)
end

local function counted(status, body)
  return status == 200 and body:find('"outcome":"counted"', 1, true) ~= nil
end

function response(status, headers, body)
  writes.response(status, body, counted)
end

function done(summary, latency, requests)
  writes.done()
end
