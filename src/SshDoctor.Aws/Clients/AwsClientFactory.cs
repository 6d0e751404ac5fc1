using Amazon.EC2;
using Amazon.Runtime.CredentialManagement;
using Amazon.SimpleSystemsManagement;

namespace SshDoctor.Aws.Clients;

/// <summary>
/// Makes the EC2 and SSM clients the way the AWS CLI would: profile, region and credentials resolved in its order
/// (see <see cref="AwsProfileSelection"/>, <see cref="AwsRegionResolver"/>, <see cref="AwsCredentialResolver"/>).
/// Endpoints: the SDK itself honours AWS_ENDPOINT_URL_EC2 / AWS_ENDPOINT_URL_SSM / AWS_ENDPOINT_URL (and a profile's
/// endpoint_url), which is how the tests point sshdoctor at the local emulator. Retries: the SDK's standard mode
/// (AWS_RETRY_MODE, AWS_MAX_ATTEMPTS) handles throttling and transient errors before <see cref="AwsCall"/> sees them.
/// </summary>
public static class AwsClientFactory
{
    /// <summary>Per-request HTTP timeout: a diagnosis must not hang on an unreachable endpoint.</summary>
    public static TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <exception cref="AwsSetupException">no region, no credentials, unknown or unusable profile</exception>
    public static AwsClients Create(AwsOptions options, AwsEnvironment? environment = null)
    {
        var env = environment ?? AwsEnvironment.Process;
        AwsRuntimeDependencies.EnsureRegistered();
        var profiles = new CredentialProfileStoreChain();
        var profile = AwsProfileSelection.Select(options, env, profiles);
        var region = AwsRegionResolver.Resolve(options, env, profile);
        var credentials = AwsCredentialResolver.Resolve(profile, env, region, profiles);
        var ec2Config = new AmazonEC2Config { RegionEndpoint = region, Timeout = RequestTimeout };
        var ssmConfig = new AmazonSimpleSystemsManagementConfig { RegionEndpoint = region, Timeout = RequestTimeout };
        if (profile is not null)
        {
            // A profile's own settings (endpoint_url, retry mode...) apply as the CLI applies them.
            ec2Config.Profile = new Amazon.Profile(profile.Name);
            ssmConfig.Profile = new Amazon.Profile(profile.Name);
        }
        return new AwsClients(new AmazonEC2Client(credentials, ec2Config), new AmazonSimpleSystemsManagementClient(credentials, ssmConfig), region, profile?.Name);
    }
}
