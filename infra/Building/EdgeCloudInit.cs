using System.Text;
using VoiceConnector.Infra.Model;

namespace VoiceConnector.Infra.Building;

/// <summary>
/// Renders the cloud-init <c>user-data</c> that Container-Optimized OS runs at every boot of an edge VM: a systemd unit
/// that writes the edge's environment (literal values, resolved resource outputs, the VM's external IP and the
/// secrets it may read, fetched from Secret Manager with the VM's own service account) to files only root can read,
/// then runs the edge image with host networking (SIP and a wide RTP range need no port mapping).
/// </summary>
public static class EdgeCloudInit
{
    public const string UnitName = "voice-edge.service";
    public const string ContainerName = "voice-edge";
    public const string StaticEnvPath = "/etc/voice-edge/static.env";
    public const string RuntimeEnvPath = "/run/voice-edge/runtime.env";
    public const string PrepareScriptPath = "/etc/voice-edge/prepare-env.sh";

    /// <param name="edge">The edge spec.</param>
    /// <param name="project">The GCP project id (Secret Manager path).</param>
    /// <param name="registryHost">The Artifact Registry host, for docker credentials.</param>
    /// <param name="resolvedOutputs">The value of every <see cref="OutputEnvValue"/> variable, by variable name.</param>
    public static string Render(EdgeSpec edge, string project, string registryHost, IReadOnlyDictionary<string, string> resolvedOutputs)
    {
        ArgumentNullException.ThrowIfNull(edge);
        ArgumentNullException.ThrowIfNull(resolvedOutputs);
        var staticEnv = new StringBuilder();
        var runtimeEnv = new StringBuilder();
        foreach (var variable in edge.Env)
        {
            switch (variable.Value)
            {
                case LiteralEnvValue literal:
                    staticEnv.Append(variable.Name).Append('=').Append(SingleLine(variable.Name, literal.Value)).Append('\n');
                    break;
                case OutputEnvValue output:
                    var value = resolvedOutputs.TryGetValue(variable.Name, out var resolved)
                        ? resolved
                        : throw new ArgumentException($"No resolved value for edge variable '{variable.Name}'.", nameof(resolvedOutputs));
                    staticEnv.Append(variable.Name).Append('=').Append(SingleLine(variable.Name, value)).Append('\n');
                    break;
                case InstanceExternalIpEnvValue:
                    runtimeEnv.Append($"  echo \"{variable.Name}=$ip\"\n");
                    break;
                case SecretEnvValue secret:
                    runtimeEnv.Append($"  echo \"{variable.Name}=$(secret {secret.SecretId})\"\n");
                    break;
                default:
                    throw new ArgumentException($"Unknown value kind for '{variable.Name}'.", nameof(edge));
            }
        }

        var text = new StringBuilder();
        text.Append("#cloud-config\n");
        text.Append("write_files:\n");
        File(text, StaticEnvPath, "0600", staticEnv.ToString());
        File(text, PrepareScriptPath, "0700", PrepareScript(project, runtimeEnv.ToString()));
        File(text, "/etc/systemd/system/" + UnitName, "0644", Unit(edge.Image, registryHost));
        text.Append("runcmd:\n");
        text.Append("- systemctl daemon-reload\n");
        text.Append("- systemctl start ").Append(UnitName).Append('\n');
        return text.ToString();
    }

    private static string PrepareScript(string project, string runtimeLines) =>
        "#!/bin/bash\n" +
        "set -euo pipefail\n" +
        "md=http://metadata.google.internal/computeMetadata/v1\n" +
        "ip=$(curl -sf -H 'Metadata-Flavor: Google' \"$md/instance/network-interfaces/0/access-configs/0/external-ip\")\n" +
        "token=$(curl -sf -H 'Metadata-Flavor: Google' \"$md/instance/service-accounts/default/token\" | sed -E 's/.*\"access_token\": *\"([^\"]+)\".*/\\1/')\n" +
        "secret() {\n" +
        $"  curl -sf -H \"Authorization: Bearer $token\" \"https://secretmanager.googleapis.com/v1/projects/{project}/secrets/$1/versions/latest:access\" \\\n" +
        "    | sed -nE 's/.*\"data\": *\"([^\"]+)\".*/\\1/p' | base64 -d\n" +
        "}\n" +
        "umask 077\n" +
        $"mkdir -p {Path.GetDirectoryName(RuntimeEnvPath)!.Replace('\\', '/')}\n" +
        "{\n" + runtimeLines + "} > " + RuntimeEnvPath + ".tmp\n" +
        $"mv {RuntimeEnvPath}.tmp {RuntimeEnvPath}\n";

    /// <summary>
    /// Lets the edge's non-root user give its pacing threads real-time round-robin scheduling up to priority 10
    /// (RLIMIT_RTPRIO), or else nice -10 (RLIMIT_NICE 30): the RTP spacing then holds under load (see the README).
    /// </summary>
    private const string PacingLimits = "--ulimit rtprio=10:10 --ulimit nice=30:30";

    private static string Unit(string image, string registryHost) =>
        "[Unit]\n" +
        "Description=Voice Connector edge\n" +
        "Wants=network-online.target\n" +
        "After=network-online.target docker.service\n" +
        "Requires=docker.service\n\n" +
        "[Service]\n" +
        "Environment=HOME=/home/voice-edge\n" +
        "ExecStartPre=/bin/mkdir -p /home/voice-edge\n" +
        $"ExecStartPre=/usr/bin/docker-credential-gcr configure-docker --registries {registryHost}\n" +
        $"ExecStartPre=/bin/bash {PrepareScriptPath}\n" +
        $"ExecStartPre=-/usr/bin/docker rm -f {ContainerName}\n" +
        $"ExecStart=/usr/bin/docker run --rm --name {ContainerName} --network host {PacingLimits} --env-file {StaticEnvPath} --env-file {RuntimeEnvPath} {image}\n" +
        $"ExecStop=/usr/bin/docker stop {ContainerName}\n" +
        "Restart=always\n" +
        "RestartSec=5\n";

    private static void File(StringBuilder text, string path, string permissions, string content)
    {
        text.Append("- path: ").Append(path).Append('\n');
        text.Append("  permissions: '").Append(permissions).Append("'\n");
        text.Append("  owner: root\n");
        text.Append("  content: |\n");
        foreach (var line in content.TrimEnd('\n').Split('\n'))
        {
            text.Append(line.Length == 0 ? string.Empty : "    " + line).Append('\n');
        }
    }

    private static string SingleLine(string name, string value) =>
        value.Contains('\n', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal)
            ? throw new ArgumentException($"Edge variable '{name}' must be a single line.", nameof(value))
            : value;
}
