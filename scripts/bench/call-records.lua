-- wrk script: posts call records with a unique CallId each (thread id + counter), as the edge does at hang-up.
local counter = 0
local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  prefix = "bench-" .. os.getenv("BENCH_RUN") .. "-" .. tid .. "-"
end

request = function()
  counter = counter + 1
  local body = string.format([[{"callId":"%s%d","transport":"sip","from":"+16175551212","to":"%s","codec":"G722",
"startedAt":"2026-11-21T10:00:00Z","answeredAt":"2026-11-21T10:00:01Z","endedAt":"2026-11-21T10:01:00Z",
"outcome":"completed","hangupCause":"caller-bye","turns":[
{"role":"agent","text":"Hello, how can I help?","at":"2026-11-21T10:00:01Z"},
{"role":"caller","text":"I would like to book a table for two tonight.","at":"2026-11-21T10:00:04Z"},
{"role":"agent","text":"Of course, at what time?","at":"2026-11-21T10:00:07Z","interrupted":false,
 "timings":{"endOfSpeechAt":"2026-11-21T10:00:06Z","transcriptMs":180,"firstTokenMs":420,"firstSentenceMs":610,"firstTtsAudioMs":700,"firstAudioSentMs":720}}]}]],
    prefix, counter, os.getenv("BENCH_NUMBER"))
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("BENCH_EDGE_KEY")}, body)
end

function response(status, headers, body)
  if status ~= 200 then
    print("unexpected answer " .. status .. ": " .. body)
    os.exit(1)
  end
end
