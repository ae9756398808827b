namespace VoiceConnector.Edge.Tests.Twilio;

public sealed class TwilioAudioTests
{
    [Fact]
    public async Task Speech_EchoedBack_CorrelatesWithCallerAudioAfterEchoDelay()
    {
        var speech = SpeechAudio.MuLaw8k("Hello, I would like to check the status of my order please.");
        var agent = new ScriptedTestAgent();
        await using var edge = new TwilioEdgeFactory(agent);
        await using var client = await TwilioStreamClient.ConnectAsync(edge.StreamUri, TwilioEdgeFactory.Sign());
        await client.BeginAsync();
        var call = await agent.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await client.StreamAudioAsync(speech);
        await client.StreamAudioAsync(new byte[8000].Select(_ => (byte)0xFF).ToArray());
        await client.WaitForAsync(c => c.EchoedMarks.Count > 0 && c.Media.Sum(m => m.Audio.Length) >= speech.Length + 1600);

        var media = client.Read(c => c.Media.ToList());
        var echoed = AudioAnalysis.Decode(media.SelectMany(m => m.Audio).ToArray());
        var input = AudioAnalysis.Decode(speech);
        var (lag, correlation) = AudioAnalysis.BestLag(input, echoed, minLag: 1200, maxLag: 4000);
        Assert.True(correlation > 0.8, $"echo correlation {correlation:F3} at lag {lag}");
        Assert.InRange(lag / 8.0, 200, 400); // EchoAgent's 200 ms plus the resamplers' delay
        var level = AudioAnalysis.Rms(echoed.AsSpan(lag, input.Length)) / AudioAnalysis.Rms(input);
        Assert.InRange(level, 0.7, 1.3);
        Assert.All(media, m => Assert.Equal(160, m.Audio.Length));
        Assert.InRange(call.PlayoutPlayedPosition, 1, call.PlayoutQueuedPosition);
    }

    [Fact]
    public async Task Playout_OneSecondQueuedAtOnce_PacedWithSmallLeadAndMarked()
    {
        var agent = new ScriptedTestAgent();
        await using var edge = new TwilioEdgeFactory(agent);
        await using var client = await TwilioStreamClient.ConnectAsync(edge.StreamUri, TwilioEdgeFactory.Sign());
        await client.BeginAsync();
        var call = await agent.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await client.WaitForAsync(c => c.Media.Count >= 10); // the echo's 200 ms of silence

        var before = client.Read(c => c.Media.Count);
        await client.SendDtmfAsync('1');
        await client.WaitForAsync(c => c.Media.Count >= before + 50, seconds: 5);
        await client.WaitForAsync(c => c.EchoedMarks.Count > 0 && c.Events[^1].Event == "mark" && c.Read(x => x.EchoedMarks[^1]) == c.Events[^1].Name);

        var media = client.Read(c => c.Media.Skip(before).ToList());
        var start = media[0].AtMs;
        foreach (var (at, audio) in media)
        {
            // Audio received by time t never runs far ahead of real time: the lead (60 ms) plus a margin for a busy
            // machine; unpaced, the whole second would arrive at once.
            var received = media.TakeWhile(m => m.AtMs <= at).Sum(m => m.Audio.Length) / 8.0;
            Assert.True(received - (at - start) <= 60 + 140, $"{received} ms of audio after {at - start:F0} ms");
        }

        var span = media[^1].AtMs - start;
        Assert.InRange(span, 800, 2000); // one second of audio took about a second to send
        var events = client.Read(c => c.Events.ToList());
        var marks = events.Where(e => e.Event == "mark").Select(e => long.Parse(e.Name, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(marks.Count >= 10, $"{marks.Count} marks for a second of audio");
        Assert.Equal(marks.Order(), marks);
        Assert.Equal(call.PlayoutQueuedPosition, call.PlayoutPlayedPosition);
    }

    [Fact]
    public async Task Playout_OddSampleCount_PlayedReachesQueuedOnceEchoed()
    {
        // An agent waits for "played" to reach "queued" before it hangs up: that must happen whatever the length.
        var agent = new ScriptedTestAgent();
        await using var edge = new TwilioEdgeFactory(agent);
        await using var client = await TwilioStreamClient.ConnectAsync(edge.StreamUri, TwilioEdgeFactory.Sign());
        await client.BeginAsync();
        var call = await agent.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await client.WaitForAsync(c => c.Media.Count >= 10);

        await client.SendDtmfAsync('2');
        await client.WaitForAsync(_ => call.PlayoutQueuedPosition == 3200 + 5329);

        await client.WaitForAsync(_ => call.PlayoutPlayedPosition == call.PlayoutQueuedPosition, seconds: 5);
    }

    [Fact]
    public async Task ClearPlayout_DuringLongUtterance_SendsClearStopsAudioAndKeepsLastEchoedPosition()
    {
        var agent = new ScriptedTestAgent();
        await using var edge = new TwilioEdgeFactory(agent);
        await using var client = await TwilioStreamClient.ConnectAsync(edge.StreamUri, TwilioEdgeFactory.Sign());
        await client.BeginAsync();
        var call = await agent.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await client.WaitForAsync(c => c.Media.Count >= 10);

        await client.SendDtmfAsync('1');
        await Task.Delay(400);
        await client.SendDtmfAsync('9');
        await client.WaitForAsync(c => c.Events.Any(e => e.Event == "clear"));
        await Task.Delay(300); // Twilio echoes the discarded marks at once; they must not count as played

        var (played, queued, returned, queuedAfter) = Assert.Single(agent.Clears);
        Assert.Equal(played, returned);
        Assert.Equal(returned, queuedAfter);
        Assert.True(returned > 16_000 * 200 / 1000, $"played position {returned} at barge-in");
        Assert.True(returned < queued, "the utterance was not finished");
        Assert.Equal(returned, call.PlayoutPlayedPosition);
        var events = client.Read(c => c.Events.ToList());
        var clearIndex = events.FindIndex(e => e.Event == "clear");
        Assert.True(events.Skip(clearIndex + 1).Count(e => e.Event == "media") <= 1, "media kept flowing after clear");
        var toneAudio = client.Read(c => c.Media.Sum(m => m.Audio.Length)) / 8 - 200;
        Assert.InRange(toneAudio, 100, 950); // the rest of the one-second tone was never sent
    }
}
