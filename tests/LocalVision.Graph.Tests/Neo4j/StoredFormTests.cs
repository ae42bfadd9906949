using System.Text.Json;
using System.Text.Json.Nodes;
using LocalVision.Graph.Model;
using LocalVision.Graph.Neo4j;
using LocalVision.Graph.Store;

namespace LocalVision.Graph.Tests.Neo4j;

/// <summary>How nodes and filters are put into Neo4j, and typed JSON read back.</summary>
public sealed class StoredFormTests
{
    [Fact]
    public void NodeFields_NestedProperties_CopiesEveryScalarAFilterCanReachAndNothingElse()
    {
        var node = new GraphNode("localities/plymouth", "Locality", "Plymouth", JsonNode.Parse("""
            {
              "name": "Plymouth", "laType": ["UNITARY"], "cohort": 2, "active": true, "missing": null,
              "indicators": { "population": { "value": 264700, "year": "2019" }, "bands": [1, 2] },
              "not-a-filter-key": "x", "also.not": 1
            }
            """)!.AsObject());

        var fields = StoredForm.NodeFields(node);

        Assert.Equal(
            ["name", "label", "displayName", "properties", "prop.name", "prop.cohort", "prop.active", "prop.indicators.population.value", "prop.indicators.population.year"],
            fields.Select(kv => kv.Key));
        Assert.Equal(JsonValueKind.Number, fields["prop.cohort"]!.GetValueKind());
        Assert.Equal(264700d, fields["prop.indicators.population.value"]!.GetValue<double>());
        Assert.True(JsonNode.DeepEquals(node.Properties, JsonNode.Parse(fields["properties"]!.GetValue<string>())));
    }

    [Fact]
    public void FilterParameter_EachClause_BecomesKeyOperatorAndTypedValue()
    {
        var filter = NodeFilter.Parse("display_name = \"A\" AND indicators.population.value >= 1000 AND active != true AND kind < \"M\"");

        var parameter = StoredForm.FilterParameter(filter);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            [
              { "key": "displayName", "op": "=", "value": "A" },
              { "key": "prop.indicators.population.value", "op": ">=", "value": 1000 },
              { "key": "prop.active", "op": "<>", "value": true },
              { "key": "prop.kind", "op": "<", "value": "M" }
            ]
            """), parameter), parameter.ToJsonString());
    }

    [Theory]
    [InlineData("""{"$type": "Integer", "_value": "9223372036854775807"}""", long.MaxValue)]
    [InlineData("""{"$type": "Float", "_value": "3.2E9"}""", 3.2e9)]
    [InlineData("""{"$type": "Float", "_value": "-Infinity"}""", double.NegativeInfinity)]
    [InlineData("""{"$type": "Boolean", "_value": true}""", true)]
    [InlineData("""{"$type": "String", "_value": "Hello World"}""", "Hello World")]
    [InlineData("""{"$type": "Date", "_value": "2015-03-26"}""", "2015-03-26")]
    [InlineData("""{"$type": "Null", "_value": null}""", null)]
    public void TypedJson_DocumentedScalar_ReadsAsItsClrValue(string json, object? expected)
    {
        // Examples from https://neo4j.com/docs/query-api/current/result-formats/#typed-json-types
        Assert.Equal(expected, TypedJson.Read(JsonDocument.Parse(json).RootElement));
    }

    [Fact]
    public void TypedJson_DocumentedListAndMap_ReadAsListAndDictionary()
    {
        var value = TypedJson.Read(JsonDocument.Parse("""
            {"$type": "Map", "_value": {
              "fieldA": {"$type": "String", "_value": "A"},
              "list": {"$type": "List", "_value": [{"$type": "String", "_value": "A"}, {"$type": "Integer", "_value": "2"}]}
            }}
            """).RootElement);

        var map = Assert.IsType<Dictionary<string, object?>>(value);
        Assert.Equal("A", map["fieldA"]);
        Assert.Equal(["A", 2L], Assert.IsType<List<object?>>(map["list"]));
    }

    [Fact]
    public void TypedJson_PlainValue_IsRefused()
    {
        Assert.Throws<FormatException>(() => TypedJson.Read(JsonDocument.Parse("42").RootElement));
    }
}
