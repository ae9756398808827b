using System.Diagnostics.Metrics;

namespace VoiceConnector.Edge.Rtp;

/// <summary>RTP instruments on the "VoiceConnector.Edge" meter, shared by all sessions.</summary>
public sealed class RtpMetrics
{
    public const string MeterName = "VoiceConnector.Edge";

    public RtpMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        SendInterval = meter.CreateHistogram<double>("voiceconnector.rtp.send_interval", "ms", "Spacing between consecutive outgoing RTP packets of a call");
        PacketsIn = meter.CreateCounter<long>("voiceconnector.rtp.packets_in", "{packet}", "Valid RTP packets received from callers");
        PacketsOut = meter.CreateCounter<long>("voiceconnector.rtp.packets_out", "{packet}", "RTP packets sent to callers");
        Lost = meter.CreateCounter<long>("voiceconnector.rtp.packets_lost", "{packet}", "Caller packets missing at playout time (concealed)");
        Late = meter.CreateCounter<long>("voiceconnector.rtp.packets_late", "{packet}", "Caller packets arriving after their playout time, or duplicates");
        Invalid = meter.CreateCounter<long>("voiceconnector.rtp.packets_invalid", "{packet}", "Datagrams on RTP ports that are not valid RTP for the call");
        ThirdParty = meter.CreateCounter<long>("voiceconnector.rtp.packets_third_party", "{packet}", "RTP from an address other than the latched caller");
        Sessions = meter.CreateUpDownCounter<long>("voiceconnector.rtp.sessions", "{session}", "Open RTP sessions");
    }

    public Histogram<double> SendInterval { get; }

    public Counter<long> PacketsIn { get; }

    public Counter<long> PacketsOut { get; }

    public Counter<long> Lost { get; }

    public Counter<long> Late { get; }

    public Counter<long> Invalid { get; }

    public Counter<long> ThirdParty { get; }

    public UpDownCounter<long> Sessions { get; }
}
