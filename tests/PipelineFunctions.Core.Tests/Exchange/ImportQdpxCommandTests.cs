using System.Text.Json.Nodes;
using PipelineFunctions.Cli.Commands;
using PipelineFunctions.Core.Exchange.Mapping;

namespace PipelineFunctions.Core.Tests.Exchange;

/// <summary>The <c>import-qdpx</c> verb's mapping file: said in its usage, checked before the project is sent, and
/// written from a dry run in the shape the import reads back.</summary>
public sealed class ImportQdpxCommandTests
{
    [Fact]
    public void The_usage_names_the_mapping_its_shape_and_the_dry_run()
    {
        var usage = new ImportQdpxCommand().Usage;
        Assert.Contains("--mapping <file.json>", usage);
        Assert.Contains("{\"<source GUID>\": {\"site\": \"kampala\", \"language\": \"sw\"}", usage);
        Assert.Contains("--dry-run", usage);
        Assert.Contains("--write-mapping", usage);
    }

    [Fact]
    public async Task A_mapping_file_that_cannot_be_read_is_named_and_nothing_is_sent()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            var qdpx = Path.Combine(dir.FullName, "p.qdpx");
            await File.WriteAllBytesAsync(
                qdpx,
                ForeignProjects.Build(i => $"internal://{i}.txt", i => $"sources/{i}.txt")
            );
            var mapping = Path.Combine(dir.FullName, "mapping.json");
            await File.WriteAllTextAsync(mapping, "kampala, en");
            Environment.SetEnvironmentVariable("IMPORT_TEST_KEY", "unused");
            var stderr = new StringWriter();
            // Port 9 (discard) on loopback: were the project sent, the answer would be an HTTP error, not this.
            var code = await new ImportQdpxCommand().RunAsync(
                [
                    qdpx,
                    "--url",
                    "http://127.0.0.1:9",
                    "--study",
                    "s",
                    "--mapping",
                    mapping,
                    "--key-env",
                    "IMPORT_TEST_KEY",
                ],
                TextWriter.Null,
                stderr
            );
            Assert.Equal(1, code);
            Assert.StartsWith($"import-qdpx: {mapping}: The mapping could not be read.", stderr.ToString());

            stderr = new StringWriter();
            code = await new ImportQdpxCommand().RunAsync(
                [
                    qdpx,
                    "--url",
                    "http://127.0.0.1:9",
                    "--study",
                    "s",
                    "--mapping",
                    mapping + ".gone",
                    "--key-env",
                    "IMPORT_TEST_KEY",
                ],
                TextWriter.Null,
                stderr
            );
            Assert.Equal(1, code);
            Assert.Equal($"import-qdpx: there is no mapping file {mapping}.gone.", stderr.ToString().Trim());
            Assert.Throws<ArgumentException>(() =>
                new ImportQdpxCommand()
                    .RunAsync(
                        [qdpx, "--url", "u", "--study", "s", "--write-mapping", mapping],
                        TextWriter.Null,
                        TextWriter.Null
                    )
                    .GetAwaiter()
                    .GetResult()
            );
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_dry_run_becomes_a_mapping_of_the_sources_to_import_with_what_was_decided_or_suggested()
    {
        var plan = JsonNode.Parse(
            """
            {"sources": [
              {"guid": "A", "name": "one", "placed": true, "site": "kampala", "language": "en"},
              {"guid": "B", "name": "two", "placed": true, "site": null, "suggestedSite": "dar-es-salaam",
               "language": null, "suggestedLanguage": "sw"},
              {"guid": "C", "name": "three", "placed": true, "site": null, "language": null},
              {"guid": "D", "name": "dup", "placed": true, "site": "kampala", "language": "en",
               "duplicateOfTranscript": "t1"},
              {"guid": "E", "name": "pdf", "placed": false}
            ]}
            """
        )!;

        var written = ImportQdpxCommand.MappingOf(plan);

        var (choices, error) = ImportMapping.Parse(written);
        Assert.Null(error);
        Assert.Equal(
            [("A", "kampala", "en"), ("B", "dar-es-salaam", "sw"), ("C", null, null)],
            choices!.Select(c => (c.Key, c.Value.Site, c.Value.Language)).OrderBy(c => c.Key)
        );
        Assert.Equal("two", (string?)JsonNode.Parse(written)!["B"]!["name"]);
    }
}
