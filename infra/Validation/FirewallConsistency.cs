using System.Globalization;
using VoiceConnector.Infra.Model;

namespace VoiceConnector.Infra.Validation;

/// <summary>
/// The firewall must open to the public exactly what the edge listens on (SIP on UDP and TCP, the RTP range on UDP),
/// its HTTP port only to Google's load balancer ranges, and the edge's environment must carry the same numbers.
/// </summary>
public static class FirewallConsistency
{
    public static void Validate(EdgeSpec edge, IReadOnlyList<FirewallRuleSpec> rules, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(edge);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(errors);
        var sip = edge.SipPort.ToString(CultureInfo.InvariantCulture);
        var rtp = $"{edge.RtpPortMin.ToString(CultureInfo.InvariantCulture)}-{edge.RtpPortMax.ToString(CultureInfo.InvariantCulture)}";
        var expectedPublic = new HashSet<string>(StringComparer.Ordinal) { "udp:" + sip, "tcp:" + sip, "udp:" + rtp };
        var expectedLb = new HashSet<string>(StringComparer.Ordinal) { "tcp:" + edge.HttpPort.ToString(CultureInfo.InvariantCulture) };

        var publicOpen = Openings(rules.Where(r => !r.LoadBalancerOnly));
        var lbOpen = Openings(rules.Where(r => r.LoadBalancerOnly));
        if (!publicOpen.SetEquals(expectedPublic))
        {
            errors.Add($"The firewall opens [{string.Join(", ", publicOpen.Order(StringComparer.Ordinal))}] to the public, " +
                $"but the edge listens on [{string.Join(", ", expectedPublic.Order(StringComparer.Ordinal))}] (SIP, RTP range).");
        }

        if (!lbOpen.SetEquals(expectedLb))
        {
            errors.Add($"The load balancer rule opens [{string.Join(", ", lbOpen.Order(StringComparer.Ordinal))}], but the edge's HTTP port is {edge.HttpPort}.");
        }

        foreach (var rule in rules.Where(r => r.TargetTag != edge.NetworkTag))
        {
            errors.Add($"Firewall rule '{rule.Name}' targets tag '{rule.TargetTag}', not the edge's '{edge.NetworkTag}'.");
        }

        RequireEnv(edge, "Sip__Port", edge.SipPort, errors);
        RequireEnv(edge, "Rtp__PortMin", edge.RtpPortMin, errors);
        RequireEnv(edge, "Rtp__PortMax", edge.RtpPortMax, errors);
        var urls = Literal(edge, "ASPNETCORE_URLS");
        if (urls is null || !urls.EndsWith(":" + edge.HttpPort.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
        {
            errors.Add($"The edge's ASPNETCORE_URLS ('{urls}') does not listen on its HTTP port {edge.HttpPort}.");
        }
    }

    private static HashSet<string> Openings(IEnumerable<FirewallRuleSpec> rules) =>
        rules.SelectMany(r => r.Allows).SelectMany(a => a.Ports.Select(p => $"{a.Protocol}:{p}")).ToHashSet(StringComparer.Ordinal);

    private static void RequireEnv(EdgeSpec edge, string name, int expected, List<string> errors)
    {
        var value = Literal(edge, name);
        if (value != expected.ToString(CultureInfo.InvariantCulture))
        {
            errors.Add($"The edge's {name} is '{value}', but the firewall is built for {expected}: the RTP/SIP ports must come from one setting.");
        }
    }

    private static string? Literal(EdgeSpec edge, string name) =>
        edge.Env.FirstOrDefault(e => e.Name == name)?.Value is LiteralEnvValue literal ? literal.Value : null;
}
