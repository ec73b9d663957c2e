-- GET /api/polls/{pollId}/results, the cached results every widget reads; anonymous, nothing varies.
-- Usage: wrk -t2 -c64 -d8s -s results.lua http://127.0.0.1:5080 -- POLL_ID
-- wrk's own summary gives the rate; "Non-2xx or 3xx responses" must not appear.
function init(args)
  results_request = wrk.format("GET", "/api/polls/" .. args[1] .. "/results")
end

function request()
  return results_request
end
