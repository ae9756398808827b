namespace VoiceConnector.Infra.Configuration;

/// <summary>The stack configuration keys (as in <c>Pulumi.&lt;stack&gt;.yaml</c>), with their namespace.</summary>
public static class StackConfigKeys
{
    /// <summary>The Pulumi project name (Pulumi.yaml <c>name</c>), the namespace of the project's own keys.</summary>
    public const string ProjectNamespace = "voice-connector";

    public const string GcpProject = "gcp:project";
    public const string GcpRegion = "gcp:region";

    public const string Domain = ProjectNamespace + ":domain";
    public const string ImageTag = ProjectNamespace + ":imageTag";

    public const string EdgeInstances = ProjectNamespace + ":edgeInstances";
    public const string EdgeMachineType = ProjectNamespace + ":edgeMachineType";
    public const string SipPort = ProjectNamespace + ":sipPort";
    public const string RtpPortMin = ProjectNamespace + ":rtpPortMin";
    public const string RtpPortMax = ProjectNamespace + ":rtpPortMax";
    public const string SipTrunkSourceRanges = ProjectNamespace + ":sipTrunkSourceRanges";
    public const string RtpSourceRanges = ProjectNamespace + ":rtpSourceRanges";

    public const string WhisperImage = ProjectNamespace + ":whisperImage";
    public const string WhisperModel = ProjectNamespace + ":whisperModel";
    public const string WhisperGpu = ProjectNamespace + ":whisperGpu";
    public const string WhisperMaxInstances = ProjectNamespace + ":whisperMaxInstances";
    public const string OllamaModel = ProjectNamespace + ":ollamaModel";
    public const string OllamaMinInstances = ProjectNamespace + ":ollamaMinInstances";
    public const string OllamaMaxInstances = ProjectNamespace + ":ollamaMaxInstances";
    public const string PiperVoice = ProjectNamespace + ":piperVoice";
    public const string PiperMaxInstances = ProjectNamespace + ":piperMaxInstances";
    public const string FunctionsMaxInstances = ProjectNamespace + ":functionsMaxInstances";

    public const string DatabaseTier = ProjectNamespace + ":databaseTier";

    public const string TwilioAccountSid = ProjectNamespace + ":twilioAccountSid";
    public const string TwilioAuthToken = ProjectNamespace + ":twilioAuthToken";
    public const string EdgeFunctionsKey = ProjectNamespace + ":edgeFunctionsKey";
    public const string ApiKeysPepper = ProjectNamespace + ":apiKeysPepper";
    public const string DatabasePassword = ProjectNamespace + ":dbPassword";

    /// <summary>The keys whose values are secrets (set with <c>pulumi config set --secret</c>).</summary>
    public static IReadOnlyList<string> Secrets { get; } =
        [TwilioAccountSid, TwilioAuthToken, EdgeFunctionsKey, ApiKeysPepper, DatabasePassword];
}
