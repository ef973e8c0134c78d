using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using PipelineFunctions.App.Settings;
using PipelineFunctions.App.Storage.Blobs;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.App.Workflow;

namespace PipelineFunctions.Infra.Tests;

/// <summary>Runs the real bicep build and linter on infra/, and checks the compiled template against what the app expects.</summary>
public sealed class BicepTemplateTests
{
    static readonly string Infra = Path.Combine(RepoRoot(), "infra");
    static readonly Lazy<JsonNode> Template = new(() =>
        JsonNode.Parse(Run("build", Path.Combine(Infra, "main.bicep"), "--stdout").Output)!
    );

    [Fact]
    public void Build_and_lint_have_no_errors_or_warnings()
    {
        foreach (
            var args in new[]
            {
                new[] { "build", "main.bicep", "--stdout" },
                ["lint", "main.bicep"],
                ["build-params", "main.bicepparam", "--stdout"],
            }
        )
        {
            var (code, _, errors) = Run(args);
            Assert.Equal(0, code);
            Assert.DoesNotMatch(@"(?i)\b(warning|error)\b", errors);
        }
    }

    [Fact]
    public void Every_blob_container_is_private_and_matches_the_app()
    {
        var containers = Resources("Microsoft.Storage/storageAccounts/blobServices/containers").ToList();
        Assert.All(containers, c => Assert.Equal("None", (string?)c["properties"]!["publicAccess"]));
        var storage = Module("storage");
        Assert.Equal("[variables('containers')]", (string?)storage["parameters"]!["containers"]!["value"]);
        var names = Template.Value["variables"]!["containers"]!.AsArray().Select(n => (string)n!);
        Assert.Equal(BlobContainers.Names.Order(), names.Order());
        var account = Resources("Microsoft.Storage/storageAccounts", storage).Single();
        Assert.False((bool)account["properties"]!["allowBlobPublicAccess"]!);
        Assert.False((bool)account["properties"]!["allowSharedKeyAccess"]!);
    }

    [Fact]
    public void Queues_are_the_stage_tables_queues_and_their_poison_twins()
    {
        var queues = Template.Value["variables"]!["stageQueues"]!.AsArray().Select(q => (string)q!);
        Assert.Equal(StageTable.All.Select(s => s.Queue).Order(), queues.Order());
        // The storage module gets the list and each queue's poison twin, named as the stages name them.
        var created = Module("storage")["parameters"]!["queues"]!["value"]!.ToString();
        Assert.Contains("variables('stageQueues')", created);
        Assert.All(StageTable.All, s => Assert.Equal(s.Queue + "-poison", s.PoisonQueue));
        Assert.Contains(
            "map(variables('stageQueues'), lambda('q', format('{0}-poison', lambdaVariables('q'))))",
            created
        );
    }

    [Fact]
    public void Event_grid_delivers_blob_created_in_uploads_to_the_ingest_queue()
    {
        var subscription = Resources("Microsoft.EventGrid/systemTopics/eventSubscriptions", Module("events")).Single()[
            "properties"
        ]!;
        Assert.Equal(
            "/blobServices/default/containers/uploads/",
            (string?)subscription["filter"]!["subjectBeginsWith"]
        );
        Assert.Equal(
            ["Microsoft.Storage.BlobCreated"],
            subscription["filter"]!["includedEventTypes"]!.AsArray().Select(e => (string)e!)
        );
        var destination = subscription["deliveryWithResourceIdentity"]!["destination"]!;
        Assert.Equal("StorageQueue", (string?)destination["endpointType"]);
        Assert.Equal(StageTable.Ingest.Queue, (string?)Module("events")["parameters"]!["ingestQueue"]!["value"]);
    }

    [Fact]
    public void Cosmos_containers_have_the_apps_partition_keys()
    {
        var declared = Template.Value["variables"]!["cosmosContainers"]!
            .AsObject()
            .ToDictionary(p => p.Key, p => (string)p.Value!);
        Assert.Equal(CosmosContainers.PartitionKeys.OrderBy(p => p.Key), declared.OrderBy(p => p.Key));
        var account = Resources("Microsoft.DocumentDB/databaseAccounts", Module("cosmos")).Single();
        Assert.True((bool)account["properties"]!["disableLocalAuth"]!);
    }

    [Fact]
    public void The_function_app_runs_the_isolated_worker_on_flex_consumption_with_secrets_only_as_key_vault_references()
    {
        var app = Resources("Microsoft.Web/sites", Module("app")).Single();
        var config = app["properties"]!["functionAppConfig"]!;
        Assert.Equal("dotnet-isolated", (string?)config["runtime"]!["name"]);
        Assert.Equal("10.0", (string?)config["runtime"]!["version"]);
        Assert.Equal("SystemAssignedIdentity", (string?)config["deployment"]!["storage"]!["authentication"]!["type"]);
        var plan = Resources("Microsoft.Web/serverfarms", Module("app")).Single();
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.Equal("SystemAssigned", (string?)app["identity"]!["type"]);
        var settings = AppSettings(app);
        Assert.Contains("Microsoft.KeyVault(SecretUri=", settings["Pipeline__PseudonymMasterKey"]);
        Assert.Contains("Microsoft.KeyVault(SecretUri=", settings["Pipeline__KeyEncryptionKey"]);
        Assert.Equal("[parameters('insightsConnectionString')]", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
        Assert.Equal("Authorization=AAD", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        Assert.Contains("monitoring", Module("app")["parameters"]!["insightsConnectionString"]!.ToString());
        Assert.Equal("true", settings["Pipeline__TelemetryManagedIdentity"]);
        Assert.DoesNotContain(settings.Keys, k => k.Contains("CosmosKey") || k.Contains("AccountKey"));
        Assert.Equal("AppService", settings["Pipeline__Authentication"]);
    }

    [Fact]
    public void Nothing_of_the_custom_handler_remains_in_the_app_settings()
    {
        var settings = AppSettings(Resources("Microsoft.Web/sites", Module("app")).Single());
        Assert.DoesNotContain("Pipeline__LocalTriggers", settings.Keys);
        // Flex Consumption takes the runtime from functionAppConfig and refuses this setting, so not even "custom".
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", settings.Keys);
    }

    [Fact]
    public void Every_setting_a_trigger_names_is_an_app_setting()
    {
        var settings = AppSettings(Resources("Microsoft.Web/sites", Module("app")).Single());
        var bin = Path.Combine(RepoRoot(), "src", "PipelineFunctions.App", "bin");
        var metadata = Path.Combine(
            bin,
            Directory.Exists(Path.Combine(bin, "Release")) ? "Release" : "Debug",
            "net10.0",
            "functions.metadata"
        );
        var named = System
            .Text.RegularExpressions.Regex.Matches(File.ReadAllText(metadata), "%([A-Za-z0-9_]+)%")
            .Select(m => m.Groups[1].Value)
            .Distinct()
            .ToList();
        Assert.Contains("StalledTranscriptsSchedule", named);
        Assert.All(named, name => Assert.Contains(name, settings.Keys));
    }

    [Fact]
    public void Queue_triggers_and_the_host_reach_storage_through_azurewebjobsstorage_with_the_identitys_roles()
    {
        var settings = AppSettings(Resources("Microsoft.Web/sites", Module("app")).Single());
        Assert.Equal("[parameters('storageAccountName')]", settings["AzureWebJobsStorage__accountName"]);
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
        var roles = Module("roles")["template"]!["variables"]!["storageRoles"]!
            .AsObject()
            .Select(r => (string)r.Value!)
            .ToList();
        Assert.Contains("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", roles); // Storage Blob Data Owner: host, deployment container
        Assert.Contains("974c5e8b-45b9-4653-ba55-5f855dd0fb88", roles); // Storage Queue Data Contributor: triggers, poison queues
    }

    [Fact]
    public void Host_json_sends_a_message_to_poison_after_the_apps_dequeue_count_and_polls_quickly()
    {
        var queues = JsonNode.Parse(
            File.ReadAllText(Path.Combine(RepoRoot(), "src", "PipelineFunctions.App", "host.json"))
        )!["extensions"]!["queues"]!;
        Assert.Equal(5, (int)queues["maxDequeueCount"]!);
        // The stages compare the dequeue count with this setting to mark a transcript Failed on its last try.
        Assert.Equal(new PipelineSettings().MaxDequeueCount, (int)queues["maxDequeueCount"]!);
        Assert.True(
            TimeSpan.Parse((string)queues["maxPollingInterval"]!) <= TimeSpan.FromSeconds(2),
            "an idle queue is polled at least every 2 s"
        );
    }

    [Fact]
    public void People_sign_in_with_entra_id_through_app_service_authentication()
    {
        var auth = Resources("Microsoft.Web/sites/config", Module("app")).Single();
        Assert.Contains("'authsettingsV2'", auth["name"]!.ToString());
        var aad = auth["properties"]!["identityProviders"]!["azureActiveDirectory"]!;
        Assert.True((bool)aad["enabled"]!);
        Assert.Equal("[parameters('entraClientId')]", (string?)aad["registration"]!["clientId"]);
        Assert.Equal(
            "AllowAnonymous",
            (string?)auth["properties"]!["globalValidation"]!["unauthenticatedClientAction"]
        );
        Assert.Contains("entraClientId", Module("app")["parameters"]!["entraClientId"]!.ToString());
    }

    [Fact]
    public void The_apps_identity_may_publish_telemetry_to_application_insights_whose_local_auth_is_off()
    {
        var insights = Resources("Microsoft.Insights/components", Module("monitoring")).Single();
        Assert.True((bool)insights["properties"]!["DisableLocalAuth"]!);
        var assignments = Resources("Microsoft.Authorization/roleAssignments", Module("roles"));
        // Monitoring Metrics Publisher, on the Application Insights component.
        Assert.Contains(
            assignments,
            a =>
                a["properties"]!["roleDefinitionId"]!.ToString().Contains("3913510d-42f4-4e42-8a64-420c390055eb")
                && a["scope"]!.ToString().Contains("Microsoft.Insights/components")
        );
    }

    static Dictionary<string, string> AppSettings(JsonNode app) =>
        app["properties"]!["siteConfig"]!["appSettings"]!
            .AsArray()
            .ToDictionary(s => (string)s!["name"]!, s => s!["value"]!.ToString());

    static JsonNode Module(string name) =>
        Resources("Microsoft.Resources/deployments").Single(m => (string?)m["name"] == name)["properties"]!;

    /// <summary>Resources of a type in the template, or inside a module's nested template.</summary>
    static IEnumerable<JsonNode> Resources(string type, JsonNode? module = null)
    {
        var resources = (module?["template"] ?? Template.Value)["resources"]!;
        var all = resources is JsonArray array ? array.Select(r => r!) : resources.AsObject().Select(p => p.Value!);
        return all.Where(r => (string?)r["type"] == type);
    }

    static (int Code, string Output, string Errors) Run(params string[] args)
    {
        var bicep = typeof(BicepTemplateTests)
            .Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BicepPath")
            .Value!;
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(bicep, File.GetUnixFileMode(bicep) | UnixFileMode.UserExecute);
        var start = new ProcessStartInfo(bicep, args)
        {
            WorkingDirectory = Infra,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit(120_000);
        return (process.ExitCode, output.Result, errors.Result);
    }

    static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PipelineFunctions.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Run the tests from inside the repository.");
    }
}
