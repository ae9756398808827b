using System.Globalization;
using System.Text;

namespace VoiceConnector.Edge.Sip.Sdp;

/// <summary>One m= section with its c= and a= lines.</summary>
public sealed class SdpMediaDescription
{
    public SdpMediaDescription(string media, int port, string protocol, IReadOnlyList<string> formats)
    {
        Media = media;
        Port = port;
        Protocol = protocol;
        Formats = formats;
    }

    /// <summary>"audio", "video", ...</summary>
    public string Media { get; }

    public int Port { get; }

    /// <summary>"RTP/AVP", "RTP/SAVP", ...</summary>
    public string Protocol { get; }

    /// <summary>Payload type numbers (as text) in the author's preference order.</summary>
    public IReadOnlyList<string> Formats { get; }

    /// <summary>Media-level c= address, or null.</summary>
    public string? ConnectionAddress { get; set; }

    /// <summary>Other lines of the section (b=, i=, k=) kept verbatim as "x=value".</summary>
    public List<string> OtherLines { get; } = [];

    /// <summary>a= attributes as (name, value-or-null), in order.</summary>
    public List<KeyValuePair<string, string?>> Attributes { get; } = [];

    public string? GetAttribute(string name)
    {
        foreach (var (key, value) in Attributes)
        {
            if (key == name)
            {
                return value ?? string.Empty;
            }
        }

        return null;
    }

    /// <summary>Direction attribute of this section, or null when it has none.</summary>
    public SdpDirection? Direction
    {
        get
        {
            foreach (var (key, _) in Attributes)
            {
                if (SessionDescription.TryParseDirection(key, out var direction))
                {
                    return direction;
                }
            }

            return null;
        }
    }

    /// <summary>The rtpmap of a payload type: ("PCMU", 8000), or null when there is no a=rtpmap for it.</summary>
    public (string Encoding, int ClockRate)? GetRtpMap(string payloadType)
    {
        foreach (var (key, value) in Attributes)
        {
            if (key != "rtpmap" || value is null)
            {
                continue;
            }

            var space = value.IndexOf(' ', StringComparison.Ordinal);
            if (space <= 0 || value[..space] != payloadType)
            {
                continue;
            }

            var parts = value[(space + 1)..].Trim().Split('/');
            if (parts.Length >= 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var clock))
            {
                return (parts[0], clock);
            }
        }

        return null;
    }

    /// <summary>The fmtp parameters of a payload type, or null.</summary>
    public string? GetFormatParameters(string payloadType)
    {
        foreach (var (key, value) in Attributes)
        {
            if (key == "fmtp" && value is not null && value.StartsWith(payloadType + " ", StringComparison.Ordinal))
            {
                return value[(payloadType.Length + 1)..].Trim();
            }
        }

        return null;
    }

    internal void AppendTo(StringBuilder builder)
    {
        builder.Append("m=").Append(Media).Append(' ').Append(Port.ToString(CultureInfo.InvariantCulture)).Append(' ')
            .Append(Protocol);
        foreach (var format in Formats)
        {
            builder.Append(' ').Append(format);
        }

        builder.Append("\r\n");
        foreach (var line in OtherLines.Where(l => l.StartsWith("i=", StringComparison.Ordinal)))
        {
            builder.Append(line).Append("\r\n");
        }

        if (ConnectionAddress is not null)
        {
            builder.Append("c=").Append(SdpConnection.Format(ConnectionAddress)).Append("\r\n");
        }

        foreach (var line in OtherLines.Where(l => !l.StartsWith("i=", StringComparison.Ordinal)))
        {
            builder.Append(line).Append("\r\n");
        }

        foreach (var (key, value) in Attributes)
        {
            builder.Append("a=").Append(key);
            if (value is not null)
            {
                builder.Append(':').Append(value);
            }

            builder.Append("\r\n");
        }
    }
}
