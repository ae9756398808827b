using Pulumi;
using Gcp = Pulumi.Gcp;
using Model = VoiceConnector.Infra.Model;

namespace VoiceConnector.Deploy.Components;

/// <summary>Cloud SQL for PostgreSQL on a private IP, its database and the functions' user.</summary>
internal sealed class DatabaseComponent : ComponentResource
{
    public DatabaseComponent(Model.Deployment model, NetworkComponent network)
        : base("voice-connector:infra:Database", "database")
    {
        var spec = model.Database;
        var options = new CustomResourceOptions { Parent = this };
        Password = StackConfig.Secret(spec.PasswordConfigKey);
        Instance = new Gcp.Sql.DatabaseInstance(spec.InstanceName, new Gcp.Sql.DatabaseInstanceArgs
        {
            Name = spec.InstanceName,
            Region = model.Region,
            DatabaseVersion = spec.Version,
            DeletionProtection = spec.DeletionProtection,
            Settings = new Gcp.Sql.Inputs.DatabaseInstanceSettingsArgs
            {
                Tier = spec.Tier,
                IpConfiguration = new Gcp.Sql.Inputs.DatabaseInstanceSettingsIpConfigurationArgs
                {
                    Ipv4Enabled = spec.PublicIp,
                    PrivateNetwork = network.Network.Id,
                },
                BackupConfiguration = new Gcp.Sql.Inputs.DatabaseInstanceSettingsBackupConfigurationArgs
                {
                    Enabled = spec.Backups,
                },
            },
        }, new CustomResourceOptions { Parent = this, DependsOn = { network.PrivateServiceAccess } });

        _ = new Gcp.Sql.Database(spec.DatabaseName, new Gcp.Sql.DatabaseArgs
        {
            Name = spec.DatabaseName,
            Instance = Instance.Name,
        }, options);

        _ = new Gcp.Sql.User(spec.UserName, new Gcp.Sql.UserArgs
        {
            Name = spec.UserName,
            Instance = Instance.Name,
            Password = Password,
        }, options);

        ConnectionString = Output.Format(
            $"Host={Instance.PrivateIpAddress};Database={spec.DatabaseName};Username={spec.UserName};Password={Password}");
        RegisterOutputs();
    }

    public Gcp.Sql.DatabaseInstance Instance { get; }

    public Output<string> Password { get; }

    /// <summary>The Npgsql connection string (a secret: it holds the password).</summary>
    public Output<string> ConnectionString { get; }
}
