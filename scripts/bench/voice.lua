-- wrk script: the same signed Twilio voice webhook, over and over (body and signature come from the environment).
wrk.method = "POST"
wrk.body = os.getenv("BENCH_VOICE_BODY")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["X-Twilio-Signature"] = os.getenv("BENCH_VOICE_SIGNATURE")

function response(status, headers, body)
  if status ~= 200 or not string.find(body, "<Stream", 1, true) then
    print("unexpected answer " .. status .. ": " .. body)
    os.exit(1)
  end
end
