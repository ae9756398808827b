namespace VoiceConnector.Infra.Model;

/// <summary>A value known only once a resource exists: property <paramref name="Property"/> of resource
/// (<paramref name="Kind"/>, <paramref name="Name"/>), e.g. the <c>uri</c> of Cloud Run service <c>functions</c>.</summary>
public sealed record OutputRef(string Kind, string Name, string Property)
{
    public const string UriProperty = "uri";
    public const string AddressProperty = "address";
    public const string NumberProperty = "number";

    public static OutputRef ServiceUri(string service) => new(ResourceKinds.CloudRunService, service, UriProperty);

    public static OutputRef StaticAddress(string address) => new(ResourceKinds.Address, address, AddressProperty);

    public static OutputRef ProjectNumber { get; } = new(ResourceKinds.ProjectInfo, "project", NumberProperty);
}
