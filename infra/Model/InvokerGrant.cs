namespace VoiceConnector.Infra.Model;

/// <summary><c>roles/run.invoker</c> on one Cloud Run service, for a service account or, when
/// <paramref name="ServiceAccount"/> is null, for everyone (<c>allUsers</c>: webhooks from Twilio).</summary>
public sealed record InvokerGrant(string Service, string? ServiceAccount)
{
    public const string Role = "roles/run.invoker";
    public const string AllUsers = "allUsers";

    public bool IsPublic => ServiceAccount is null;
}
