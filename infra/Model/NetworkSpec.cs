namespace VoiceConnector.Infra.Model;

/// <summary>The VPC, its one regional subnet and the range reserved for private service access (Cloud SQL).</summary>
public sealed record NetworkSpec(
    string Name,
    string SubnetName,
    string SubnetCidr,
    string PrivateServiceRangeName,
    int PrivateServiceRangePrefixLength,
    string PrivateServiceConnectionName);
