using System.Globalization;
using System.Net;
using VoiceConnector.Edge.Rtp;

namespace VoiceConnector.Edge.Sip.Sdp;

/// <summary>RFC 3264 answerer: picks the caller's best audio codec and builds the answer.</summary>
public static class SdpNegotiator
{
    /// <summary>Our codec preference: wideband first (it recognises far better), then G.711.</summary>
    private static readonly RtpCodec[] Preference = [RtpCodec.G722, RtpCodec.Pcmu, RtpCodec.Pcma];

    /// <summary>Chooses the audio stream and codec; null (answer 488) when nothing in the offer is usable.</summary>
    public static SdpMediaSelection? Select(SessionDescription offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        for (var index = 0; index < offer.Media.Count; index++)
        {
            var media = offer.Media[index];
            if (media.Media != "audio" || media.Port == 0 || media.Protocol is not ("RTP/AVP" or "RTP/AVPF"))
            {
                continue;
            }

            var address = media.ConnectionAddress ?? offer.ConnectionAddress;
            if (address is null || !IPAddress.TryParse(address, out var ip))
            {
                continue;
            }

            RtpCodec? best = null;
            var bestRank = int.MaxValue;
            int? telephoneEvent = null;
            foreach (var format in media.Formats)
            {
                if (!int.TryParse(format, NumberStyles.None, CultureInfo.InvariantCulture, out var pt) || pt > 127)
                {
                    continue;
                }

                var map = media.GetRtpMap(format);
                if (map is { } m && string.Equals(m.Encoding, "telephone-event", StringComparison.OrdinalIgnoreCase) && m.ClockRate == 8000)
                {
                    telephoneEvent ??= pt;
                    continue;
                }

                var rank = RankOf(pt, map);
                if (rank < bestRank)
                {
                    bestRank = rank;
                    best = Preference[rank] with { PayloadType = pt };
                }
            }

            if (best is null)
            {
                continue;
            }

            var ptime = ParsePtime(media.GetAttribute("ptime") ?? GetSessionAttribute(offer, "ptime"));
            var offered = media.Direction ?? offer.Direction ?? SdpDirection.SendRecv;
            var answer = offered switch
            {
                SdpDirection.SendOnly => SdpDirection.RecvOnly,
                SdpDirection.RecvOnly => SdpDirection.SendOnly,
                SdpDirection.Inactive => SdpDirection.Inactive,
                _ => SdpDirection.SendRecv,
            };
            var format101 = telephoneEvent is { } te ? media.GetFormatParameters(te.ToString(CultureInfo.InvariantCulture)) : null;
            return new SdpMediaSelection(index, best, telephoneEvent, format101, new IPEndPoint(ip, media.Port), ptime, answer);
        }

        return null;
    }

    /// <summary>Builds the answer: same m= lines in the same order, only the chosen one accepted (RFC 3264 §6).</summary>
    public static SessionDescription BuildAnswer(SessionDescription offer, SdpMediaSelection selection, SdpOrigin origin, int localPort)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(origin);
        var answer = new SessionDescription(origin, "-") { ConnectionAddress = origin.Address };
        for (var index = 0; index < offer.Media.Count; index++)
        {
            var offered = offer.Media[index];
            if (index != selection.MediaIndex)
            {
                var first = offered.Formats.Count > 0 ? offered.Formats[0] : "0";
                answer.Media.Add(new SdpMediaDescription(offered.Media, 0, offered.Protocol, [first]));
                continue;
            }

            var codec = selection.Codec;
            var pt = codec.PayloadType.ToString(CultureInfo.InvariantCulture);
            var formats = new List<string> { pt };
            var media = new SdpMediaDescription("audio", localPort, offered.Protocol, formats);
            media.Attributes.Add(new("rtpmap", $"{pt} {codec.Name}/{codec.ClockRate.ToString(CultureInfo.InvariantCulture)}"));
            if (selection.TelephoneEventPayloadType is { } te)
            {
                var tePt = te.ToString(CultureInfo.InvariantCulture);
                formats.Add(tePt);
                media.Attributes.Add(new("rtpmap", tePt + " telephone-event/8000"));
                media.Attributes.Add(new("fmtp", tePt + " 0-16"));
            }

            media.Attributes.Add(new("ptime", "20"));
            media.Attributes.Add(new(SessionDescription.FormatDirection(selection.AnswerDirection), null));
            answer.Media.Add(media);
        }

        return answer;
    }

    private static int RankOf(int pt, (string Encoding, int ClockRate)? map)
    {
        if (map is { } m)
        {
            for (var i = 0; i < Preference.Length; i++)
            {
                if (string.Equals(m.Encoding, Preference[i].Name, StringComparison.OrdinalIgnoreCase) && m.ClockRate == Preference[i].ClockRate)
                {
                    return i;
                }
            }

            return int.MaxValue;
        }

        // Static payload types need no rtpmap (RFC 3551).
        for (var i = 0; i < Preference.Length; i++)
        {
            if (pt == Preference[i].PayloadType)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private static string? GetSessionAttribute(SessionDescription offer, string name)
    {
        foreach (var (key, value) in offer.Attributes)
        {
            if (key == name)
            {
                return value;
            }
        }

        return null;
    }

    private static int ParsePtime(string? value)
    {
        if (value is not null && int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            && ms is >= 10 and <= 60 && ms % 10 == 0)
        {
            return ms;
        }

        return 20;
    }
}
