namespace VoiceConnector.Infra.Building;

/// <summary>The fixed names of the deployment's parts (services, accounts, secrets).</summary>
public static class DeploymentNames
{
    public const string Whisper = "whisper";
    public const string Ollama = "ollama";
    public const string Piper = "piper";
    public const string Functions = "functions";

    public const string EdgeAccount = "vc-edge";
    public const string FunctionsAccount = "vc-functions";
    public const string WhisperAccount = "vc-whisper";
    public const string OllamaAccount = "vc-ollama";
    public const string PiperAccount = "vc-piper";

    public const string TwilioAccountSidSecret = "twilio-account-sid";
    public const string TwilioAuthTokenSecret = "twilio-auth-token";
    public const string EdgeFunctionsKeySecret = "edge-functions-key";
    public const string ApiKeysPepperSecret = "api-keys-pepper";
    public const string DatabasePasswordSecret = "db-password";
    public const string StorageConnectionStringSecret = "storage-connection-string";

    public const string EdgeNetworkTag = "voice-edge";
    public const string MediaStreamPath = "/twilio/media";
    public const string VoiceWebhookPath = "/twilio/voice";

    /// <summary>Source ranges of Google's external load balancers and health checkers.</summary>
    public static IReadOnlyList<string> GoogleLoadBalancerRanges { get; } = ["130.211.0.0/22", "35.191.0.0/16"];
}
