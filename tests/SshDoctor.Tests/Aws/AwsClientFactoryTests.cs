using Amazon.Runtime;
using SshDoctor.Aws.Clients;

namespace SshDoctor.Tests.Aws;

[Collection("aws-process-environment")]
public sealed class AwsClientFactoryTests
{
    private const string Keys = "[dev]\naws_access_key_id = AKIADEVDEVDEVDEVDEV1\naws_secret_access_key = devsecret\n";

    [Fact]
    public void Profile_region_and_keys_come_from_the_shared_files()
    {
        using var env = new AwsEnvironmentScope("[profile dev]\nregion = eu-west-3\n", Keys);
        using var clients = AwsClientFactory.Create(new AwsOptions("dev", null));
        Assert.Equal("eu-west-3", clients.Region.SystemName);
        Assert.Equal("dev", clients.Profile);
    }

    [Fact]
    public void Region_order_is_the_cli_s()
    {
        using var env = new AwsEnvironmentScope("[profile dev]\nregion = eu-west-3\n", Keys);
        env.Set("AWS_DEFAULT_REGION", "ap-south-1");
        using (var c = AwsClientFactory.Create(new AwsOptions("dev", null))) Assert.Equal("ap-south-1", c.Region.SystemName);
        env.Set("AWS_REGION", "us-west-2");
        using (var c = AwsClientFactory.Create(new AwsOptions("dev", null))) Assert.Equal("us-west-2", c.Region.SystemName);
        using (var c = AwsClientFactory.Create(new AwsOptions("dev", "sa-east-1"))) Assert.Equal("sa-east-1", c.Region.SystemName);
    }

    [Fact]
    public void Aws_profile_selects_the_profile_and_environment_keys_win_over_it()
    {
        using var env = new AwsEnvironmentScope("[profile dev]\nregion = eu-west-3\n", Keys);
        env.Set("AWS_PROFILE", "dev");
        using (var c = AwsClientFactory.Create(new AwsOptions(null, null))) Assert.Equal("dev", c.Profile);
        env.Set("AWS_ACCESS_KEY_ID", "AKIAENVENVENVENVENV1").Set("AWS_SECRET_ACCESS_KEY", "s").Set("AWS_REGION", "us-east-2");
        using (var c = AwsClientFactory.Create(new AwsOptions(null, null))) Assert.Null(c.Profile);
    }

    [Fact]
    public void An_unknown_profile_names_itself()
    {
        using var env = new AwsEnvironmentScope("[profile dev]\nregion = eu-west-3\n", Keys);
        var e = Assert.Throws<AwsSetupException>(() => AwsClientFactory.Create(new AwsOptions("prod", null)));
        Assert.Equal(AwsSetupProblem.ProfileUnknown, e.Problem);
        Assert.Equal("prod", e.Name);
        Assert.True(e.IsUsage);
    }

    [Fact]
    public void No_region_anywhere_is_a_setup_problem()
    {
        using var env = new AwsEnvironmentScope("", Keys);
        var e = Assert.Throws<AwsSetupException>(() => AwsClientFactory.Create(new AwsOptions("dev", null)));
        Assert.Equal(AwsSetupProblem.NoRegion, e.Problem);
        var bad = Assert.Throws<AwsSetupException>(() => AwsClientFactory.Create(new AwsOptions("dev", "Frankfurt")));
        Assert.Equal(AwsSetupProblem.BadRegion, bad.Problem);
    }

    [Fact]
    public void No_credentials_anywhere_is_a_setup_problem()
    {
        using var env = new AwsEnvironmentScope();
        var e = Assert.Throws<AwsSetupException>(() => AwsClientFactory.Create(new AwsOptions(null, "us-east-1")));
        Assert.Equal(AwsSetupProblem.NoCredentials, e.Problem);
        Assert.False(e.IsUsage);
    }

    [Fact]
    public void A_role_profile_is_assumed_with_its_source_profile()
    {
        using var env = new AwsEnvironmentScope(
            "[profile ops]\nrole_arn = arn:aws:iam::111122223333:role/ops\nsource_profile = dev\nregion = us-east-1\n" +
            "[profile mfa]\nrole_arn = arn:aws:iam::111122223333:role/ops\nsource_profile = dev\nmfa_serial = arn:aws:iam::1:mfa/u\n" +
            "[profile loop]\nrole_arn = arn:aws:iam::111122223333:role/ops\nsource_profile = loop2\n" +
            "[profile loop2]\nrole_arn = arn:aws:iam::111122223333:role/ops\nsource_profile = loop\n", Keys);
        var profiles = new Amazon.Runtime.CredentialManagement.CredentialProfileStoreChain();
        var ops = AwsProfileSelection.Find(profiles, "ops")!;
        var creds = AwsCredentialResolver.Resolve(ops, AwsEnvironment.Process, Amazon.RegionEndpoint.USEast1, profiles);
        Assert.Equal("arn:aws:iam::111122223333:role/ops", Assert.IsType<RoleProfileCredentials>(creds).RoleArn);
        var mfa = Assert.Throws<AwsSetupException>(() => AwsClientFactory.Create(new AwsOptions("mfa", "us-east-1")));
        Assert.Equal(AwsSetupProblem.ProfileUnusable, mfa.Problem);
        var loop = Assert.Throws<AwsSetupException>(() => AwsClientFactory.Create(new AwsOptions("loop", "us-east-1")));
        Assert.Equal(AwsSetupProblem.ProfileUnusable, loop.Problem);
    }
}
