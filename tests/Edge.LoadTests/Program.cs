using System.Globalization;
using VoiceConnector.Contracts.Twilio;
using VoiceConnector.Edge.Media.Codecs;

namespace VoiceConnector.Edge.LoadTests;

/// <summary>
/// Media Streams load test: starts the edge (echo agent) as its own process, or drives one already running on another
/// machine (<c>--target http://host:port</c>, its auth token in LOAD_TWILIO_AUTH_TOKEN, <c>--stream-url</c> when it checks
/// signatures against another URL), so the client need not share the edge's cores; warms both up with a few streams, and
/// ramps concurrent simulated Twilio streams in steps, holding each step for a bounded time. A step passes when every stream is served (open, echo
/// audio heard, at least 95% of the expected media frames in the window) and the spacing of the edge's media messages,
/// as the streams receive them, has p1 >= 15 ms and p99 &lt;= 25 ms. Also shows the edge's own view of that spacing
/// (<c>voiceconnector.twilio.send_interval</c> from its /metrics, bucket bounds), and its CPU and memory as its /metrics
/// report them. Prints one line per step and the result.
/// The simulated streams run on one client thread (<see cref="LoadClient"/>), so the client's own share of the two
/// cores stays small and is printed beside the edge's.
/// <c>dotnet run -c Release --project tests/Edge.LoadTests -- --start 100 --step 250 --max 2000 --hold 10</c>
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        LoadOptions options;
        try
        {
            options = LoadOptions.Parse(args);
            if (options.Target is not null)
            {
                _ = RemoteAuthToken();
            }
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or UriFormatException)
        {
            Console.Error.WriteLine(exception.Message);
            return 2;
        }

        await using var local = options.Target is null
            ? await EdgeProcess.StartAsync(options.EdgePath ?? Path.Combine(AppContext.BaseDirectory, "VoiceConnector.Edge.dll"))
            : null;
        var edgeHttp = local?.Http ?? options.Target!;
        var streamUri = local?.StreamUri ?? new Uri($"ws://{edgeHttp.Authority}/twilio/media");
        var authToken = local is null ? RemoteAuthToken() : EdgeProcess.AuthToken;
        var signature = new TwilioSignature(authToken).Compute((options.StreamUrl ?? streamUri).ToString(), null);
        var resources = new EdgeResources(edgeHttp);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        await resources.SampleAsync(http);
        var frames = ToneFrames();
        var spacing = new SpacingHistogram();
        var streams = new List<LoadStream>();
        var client = new LoadClient(options.Max + 100);
        var baseline = resources.ResidentBytes;
        var best = 0;
        var (previousStreams, previousRss) = (0, baseline);
        var where = local is null ? $"edge at {edgeHttp} (its cores)" : $"edge pid {local.Id}, {Environment.ProcessorCount} cores";
        Console.WriteLine($"Twilio Media Streams load: {where}, hold {options.HoldSeconds} s per step, edge RSS at start {baseline / 1048576.0:F0} MB, client thread priority {client.Priority}");
        Console.WriteLine("streams | served | frames rx/expected | spacing p1 / p50 / p99 / p99.9 / max ms | within 20+-5 | edge-side p1 / p99 ms, within | edge CPU % | edge GC ms | edge pool delay max ms | CPU ms/stream-s | client CPU % | client stall / GC ms | edge RSS MB | KB/stream | marginal KB/stream | result");
        try
        {
            // Warm-up, not reported: both processes JIT-compile and tier up their hot paths (as in a long-running
            // edge) before the first measured step.
            await OpenAsync(client, streams, Math.Min(50, options.Start), streamUri, signature, frames, spacing);
            if (streams.Count == 0)
            {
                Console.WriteLine("No stream could be opened: nothing to measure.");
                return 1;
            }

            await Task.Delay(TimeSpan.FromSeconds(options.SettleSeconds));
            await MeasureAsync(client, streams, spacing, http, resources, 5);
            for (var target = options.Start; target <= options.Max; target += options.Step)
            {
                var refused = await OpenAsync(client, streams, target - streams.Count, streamUri, signature, frames, spacing);
                if (refused > 0)
                {
                    Console.WriteLine($"  {refused} streams could not be opened at step {target}");
                }

                await Task.Delay(TimeSpan.FromSeconds(options.SettleSeconds));
                var step = await MeasureAsync(client, streams, spacing, http, resources, options.HoldSeconds);
                var kbPerStream = (step.Rss - baseline) / 1024.0 / streams.Count;
                var marginalKb = (step.Rss - previousRss) / 1024.0 / Math.Max(1, streams.Count - previousStreams);
                var cpuPerStream = step.Cpu * 10 / streams.Count;
                (previousStreams, previousRss) = (streams.Count, step.Rss);
                var pass = refused == 0 && step.Served == streams.Count && step.P1 >= 15 && step.P99 <= 25;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{streams.Count,7} | {step.Served,6} | {step.FramesFraction,17:P1} | {step.P1,5:F1} / {step.P50,4:F1} / {step.P99,4:F1} / {step.P999,5:F1} / {step.Max,6:F1} | {step.Within,11:P2} | {step.EdgeP1,5:F0} / {step.EdgeP99,4:F0} {step.EdgeWithin,8:P2} | {step.Cpu,10:F0} | {step.EdgeGcMs,10:F0} | {step.EdgePoolDelayMaxMs,22:F0} | {cpuPerStream,15:F2} | {step.ClientCpu,12:F0} | {step.ClientStallMs,9:F0} / {step.ClientGcMs,5:F0} | {step.Rss / 1048576.0,11:F0} | {kbPerStream,9:F0} | {marginalKb,18:F0} | {(pass ? "pass" : "FAIL")}"));
                if (!pass && !options.KeepGoing)
                {
                    foreach (var failure in streams.Select(s => s.Failure).Where(f => f is not null).Distinct().Take(3))
                    {
                        Console.WriteLine("  failure: " + failure);
                    }

                    break;
                }

                if (pass)
                {
                    best = streams.Count;
                }
            }
        }
        finally
        {
            client.Dispose();
        }

        Console.WriteLine($"Most concurrent streams with every stream served and p99 spacing within 20 +- 5 ms: {best}");
        return 0;
    }

    /// <summary>The auth token of a remote edge, from the environment (never the command line, which others can read).</summary>
    private static string RemoteAuthToken() =>
        Environment.GetEnvironmentVariable("LOAD_TWILIO_AUTH_TOKEN") is { Length: > 0 } token
            ? token
            : throw new ArgumentException("--target needs LOAD_TWILIO_AUTH_TOKEN: the edge's Twilio:AuthToken");

    /// <summary>Opens streams 50 at a time; returns how many could not be opened (handshake refused or timed out).</summary>
    private static async Task<int> OpenAsync(
        LoadClient client, List<LoadStream> streams, int count, Uri uri, string signature, byte[][] frames, SpacingHistogram spacing)
    {
        var failed = 0;
        string? firstError = null;
        for (var opened = 0; opened < count; opened += 50)
        {
            var batch = Enumerable.Range(0, Math.Min(50, count - opened)).Select(_ => Task.Run(() =>
            {
                var stream = new LoadStream(WebSocketUpgrade.Connect(uri, signature), frames, spacing);
                stream.Start();
                return stream;
            })).ToList();
            try
            {
                await Task.WhenAll(batch);
            }
            catch (Exception exception) when (exception is IOException or System.Net.Sockets.SocketException)
            {
                firstError ??= exception.Message;
            }

            foreach (var opening in batch.Where(t => t.IsCompletedSuccessfully))
            {
                client.Add(opening.Result);
                streams.Add(opening.Result);
            }

            failed += batch.Count(t => !t.IsCompletedSuccessfully);
        }

        if (firstError is not null)
        {
            Console.WriteLine("  could not open: " + firstError);
        }

        return failed;
    }

    private static async Task<StepResult> MeasureAsync(
        LoadClient client, List<LoadStream> streams, SpacingHistogram spacing, HttpClient http, EdgeResources resources, int seconds)
    {
        spacing.Reset();
        var before = streams.Select(s => s.MediaReceived).ToArray();
        await resources.SampleAsync(http);
        var edgeBefore = resources.SendInterval;
        var poolBefore = resources.ThreadPoolDelay;
        var clientCpuBefore = Environment.CpuUsage.TotalTime;
        var clientGcBefore = GC.GetTotalPauseDuration();
        client.TakeLongestStallMs();
        var clientClock = System.Diagnostics.Stopwatch.StartNew();
        LoadStream.Recording = true;
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        LoadStream.Recording = false;
        var cpu = await resources.SampleAsync(http);
        var clientCpu = (Environment.CpuUsage.TotalTime - clientCpuBefore) / clientClock.Elapsed * 100;
        var clientStall = client.TakeLongestStallMs();
        var clientGc = (GC.GetTotalPauseDuration() - clientGcBefore).TotalMilliseconds;
        var edgeSpacing = resources.SendInterval?.Since(edgeBefore);
        var poolDelay = resources.ThreadPoolDelay?.Since(poolBefore);
        var expected = seconds * 50.0;
        var fractions = streams.Select((s, i) => (s.MediaReceived - before[i]) / expected).ToArray();
        var served = streams.Where((s, i) => s.Failure is null && s.HeardAudio && fractions[i] >= 0.95).Count();
        return new StepResult(
            served,
            fractions.Average(),
            spacing.Percentile(0.01),
            spacing.Percentile(0.5),
            spacing.Percentile(0.99),
            spacing.Percentile(0.999),
            spacing.Percentile(1),
            spacing.FractionWithin(15, 25),
            cpu,
            clientCpu,
            resources.ResidentBytes,
            edgeSpacing?.Quantile(0.01) ?? double.NaN,
            edgeSpacing?.Quantile(0.99) ?? double.NaN,
            edgeSpacing?.FractionWithin(15, 25) ?? double.NaN,
            clientStall,
            clientGc,
            resources.GcPauseMs,
            poolDelay?.Quantile(1) ?? double.NaN);
    }

    /// <summary>A second of a 300-3000 Hz sweep as 50 base64 mu-law frames of 20 ms.</summary>
    private static byte[][] ToneFrames()
    {
        var frames = new byte[50][];
        var pcm = new short[160];
        var codes = new byte[160];
        for (var f = 0; f < frames.Length; f++)
        {
            var hertz = 300 + (f * 54);
            for (var i = 0; i < pcm.Length; i++)
            {
                pcm[i] = (short)(6000 * Math.Sin(2 * Math.PI * hertz * ((f * 160) + i) / 8000.0));
            }

            MuLaw.Encode(pcm, codes);
            frames[f] = System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(codes));
        }

        return frames;
    }
}
