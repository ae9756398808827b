using Microsoft.Extensions.Options;
using VoiceConnector.Edge.Calls;
using VoiceConnector.Edge.Media;

namespace VoiceConnector.Edge.Twilio;

/// <summary>What every Media Streams session needs from the container, resolved once.</summary>
internal sealed class TwilioSessionServices
{
    public TwilioSessionServices(
        IOptions<TwilioOptions> options,
        TwilioMetrics metrics,
        ICallAgent agent,
        IPacingClock clock,
        ThreadPoolLag threadPoolLag,
        CpuLoad cpuLoad,
        FunctionsCallControl callControl,
        ILogger<TwilioMediaStreamSession> logger)
    {
        Options = options.Value;
        Metrics = metrics;
        Agent = agent;
        Clock = clock;
        ThreadPoolLag = threadPoolLag;
        CpuLoad = cpuLoad;
        CallControl = callControl;
        Logger = logger;
    }

    public TwilioOptions Options { get; }

    public TwilioMetrics Metrics { get; }

    public ICallAgent Agent { get; }

    public IPacingClock Clock { get; }

    public ThreadPoolLag ThreadPoolLag { get; }

    public CpuLoad CpuLoad { get; }

    public FunctionsCallControl CallControl { get; }

    public ILogger Logger { get; }
}
