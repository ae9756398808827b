using System.Globalization;
using System.Text;

namespace VoiceConnector.Edge.Sip.Sdp;

/// <summary>An SDP session description (RFC 4566): the lines offer/answer needs, the rest kept verbatim.</summary>
public sealed class SessionDescription
{
    public SessionDescription(SdpOrigin origin, string sessionName)
    {
        Origin = origin;
        SessionName = sessionName;
    }

    public SdpOrigin Origin { get; }

    public string SessionName { get; }

    /// <summary>Session-level c= address, or null.</summary>
    public string? ConnectionAddress { get; set; }

    /// <summary>Session-level a= attributes.</summary>
    public List<KeyValuePair<string, string?>> Attributes { get; } = [];

    public List<SdpMediaDescription> Media { get; } = [];

    /// <summary>Session-level direction, or null.</summary>
    public SdpDirection? Direction
    {
        get
        {
            foreach (var (key, _) in Attributes)
            {
                if (TryParseDirection(key, out var direction))
                {
                    return direction;
                }
            }

            return null;
        }
    }

    public static bool TryParseDirection(string attribute, out SdpDirection direction)
    {
        direction = attribute switch
        {
            "sendrecv" => SdpDirection.SendRecv,
            "sendonly" => SdpDirection.SendOnly,
            "recvonly" => SdpDirection.RecvOnly,
            "inactive" => SdpDirection.Inactive,
            _ => (SdpDirection)(-1),
        };
        return (int)direction >= 0;
    }

    public static string FormatDirection(SdpDirection direction) => direction switch
    {
        SdpDirection.SendOnly => "sendonly",
        SdpDirection.RecvOnly => "recvonly",
        SdpDirection.Inactive => "inactive",
        _ => "sendrecv",
    };

    /// <summary>Parses SDP text (CRLF or LF); false when required lines are missing or malformed.</summary>
    public static bool TryParse(string text, out SessionDescription description)
    {
        ArgumentNullException.ThrowIfNull(text);
        description = null!;
        SdpOrigin? origin = null;
        string? name = null;
        string? connection = null;
        var sessionAttributes = new List<KeyValuePair<string, string?>>();
        var media = new List<SdpMediaDescription>();
        var sawVersion = false;
        var sawTime = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            if (line.Length < 2 || line[1] != '=')
            {
                return false;
            }

            var type = line[0];
            var value = line[2..];
            var current = media.Count > 0 ? media[^1] : null;
            switch (type)
            {
                case 'v':
                    sawVersion = value == "0" && origin is null && media.Count == 0;
                    if (!sawVersion)
                    {
                        return false;
                    }

                    break;
                case 'o':
                    origin = ParseOrigin(value);
                    if (origin is null)
                    {
                        return false;
                    }

                    break;
                case 's':
                    name = value;
                    break;
                case 't':
                    sawTime = true;
                    break;
                case 'c':
                    var address = SdpConnection.Parse(value);
                    if (address is null)
                    {
                        return false;
                    }

                    if (current is null)
                    {
                        connection = address;
                    }
                    else
                    {
                        current.ConnectionAddress = address;
                    }

                    break;
                case 'm':
                    var m = ParseMedia(value);
                    if (m is null)
                    {
                        return false;
                    }

                    media.Add(m);
                    break;
                case 'a':
                    var colon = value.IndexOf(':', StringComparison.Ordinal);
                    var attribute = colon >= 0
                        ? new KeyValuePair<string, string?>(value[..colon], value[(colon + 1)..])
                        : new KeyValuePair<string, string?>(value, null);
                    (current?.Attributes ?? sessionAttributes).Add(attribute);
                    break;
                default:
                    current?.OtherLines.Add(line);
                    break;
            }
        }

        if (!sawVersion || origin is null || name is null || !sawTime)
        {
            return false;
        }

        description = new SessionDescription(origin, name) { ConnectionAddress = connection };
        description.Attributes.AddRange(sessionAttributes);
        description.Media.AddRange(media);
        return true;
    }

    private static SdpOrigin? ParseOrigin(string value)
    {
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 6 && parts[3] == "IN"
            && ulong.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? new SdpOrigin(parts[0], parts[1], version, parts[5])
            : null;
    }

    private static SdpMediaDescription? ParseMedia(string value)
    {
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 4)
        {
            return null;
        }

        var portText = parts[1];
        var slash = portText.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            portText = portText[..slash];
        }

        return int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
            ? new SdpMediaDescription(parts[0], port, parts[2], parts[3..])
            : null;
    }

    public override string ToString()
    {
        var builder = new StringBuilder(256);
        builder.Append("v=0\r\n");
        builder.Append("o=").Append(Origin).Append("\r\n");
        builder.Append("s=").Append(SessionName.Length == 0 ? "-" : SessionName).Append("\r\n");
        if (ConnectionAddress is not null)
        {
            builder.Append("c=").Append(SdpConnection.Format(ConnectionAddress)).Append("\r\n");
        }

        builder.Append("t=0 0\r\n");
        foreach (var (key, value) in Attributes)
        {
            builder.Append("a=").Append(key);
            if (value is not null)
            {
                builder.Append(':').Append(value);
            }

            builder.Append("\r\n");
        }

        foreach (var media in Media)
        {
            media.AppendTo(builder);
        }

        return builder.ToString();
    }
}
