using System.Text.Json.Nodes;
using PipelineFunctions.Cli.Commands;
using PipelineFunctions.Core.Tests.Exchange;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Exchange;

/// <summary>
/// <c>import-qdpx --mapping</c> against the running app: a dry run writes the mapping file of a project whose sources
/// say neither site nor language, the study lead fills it in, and the import files each source where it says.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class ImportQdpxCliTests(PipelineFixture fixture)
{
    [Fact]
    public async Task The_cli_imports_each_source_to_the_site_and_language_its_mapping_file_names()
    {
        var study = await fixture.CreateStudyAsync("cli-map");
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            var qdpx = Path.Combine(dir.FullName, "project.qdpx");
            await File.WriteAllBytesAsync(
                qdpx,
                ForeignProjects.Build(
                    i => $"internal://{ForeignProjects.Guids[i]}.txt",
                    i => $"sources/{ForeignProjects.Guids[i]}.txt"
                )
            );
            var mapping = Path.Combine(dir.FullName, "mapping.json");
            Environment.SetEnvironmentVariable("CLI_IMPORT_LEAD_KEY", PipelineFixture.LeadKey);
            string[] common =
            [
                qdpx,
                "--url",
                fixture.App.BaseAddress.ToString(),
                "--study",
                study,
                "--key-env",
                "CLI_IMPORT_LEAD_KEY",
            ];

            var (code, stdout, stderr) = await RunAsync([.. common, "--dry-run", "--write-mapping", mapping]);
            Assert.True(code == 0, stderr);
            Assert.Equal(2, (int?)JsonNode.Parse(stdout)!["awaitingChoice"]);
            var written = JsonNode.Parse(await File.ReadAllTextAsync(mapping))!.AsObject();
            Assert.Equal(ForeignProjects.Guids.Take(2).Order(), written.Select(p => p.Key).Order());
            Assert.Empty(await fixture.Transcripts.ListAsync(study, default));

            var (first, second) = (ForeignProjects.Guids[0], ForeignProjects.Guids[1]);
            written[first]!["site"] = "Kampala";
            written[first]!["language"] = "en";
            written[second]!["site"] = "dar-es-salaam";
            written[second]!["language"] = "Kiswahili";
            await File.WriteAllTextAsync(mapping, written.ToJsonString());
            (code, stdout, stderr) = await RunAsync([.. common, "--mapping", mapping]);
            Assert.True(code == 0, stderr);
            Assert.Equal("2 source(s) imported.", (string?)JsonNode.Parse(stdout)!["summary"]);
            Assert.Equal(
                [("dar-es-salaam", "sw"), ("kampala", "en")],
                (await fixture.Transcripts.ListAsync(study, default)).Select(t => (t.SiteId, t.Language)).Order()
            );

            // A choice the study cannot take: the app's sentence, and nothing more written.
            written[second]!["site"] = "nairobi";
            await File.WriteAllTextAsync(mapping, written.ToJsonString());
            (code, _, stderr) = await RunAsync([.. common, "--mapping", mapping]);
            Assert.Equal(1, code);
            Assert.Contains("Source 2: this study has no site 'nairobi'.", stderr);
            Assert.Equal(2, (await fixture.Transcripts.ListAsync(study, default)).Count);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = await new ImportQdpxCommand().RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
