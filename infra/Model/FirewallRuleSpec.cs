namespace VoiceConnector.Infra.Model;

/// <summary>An ingress rule to the VMs tagged <paramref name="TargetTag"/>. <paramref name="LoadBalancerOnly"/> marks
/// the rule that admits only Google's load balancer and health-check ranges (not the public).</summary>
public sealed record FirewallRuleSpec(
    string Name,
    IReadOnlyList<FirewallAllow> Allows,
    IReadOnlyList<string> SourceRanges,
    string TargetTag,
    bool LoadBalancerOnly);
