// Optional Azure AI Language resource, for studies that allow text to leave for PII detection or key phrases.
param location string
param name string

resource language 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  kind: 'TextAnalytics'
  sku: { name: 'S' }
  identity: { type: 'SystemAssigned' }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

output id string = language.id
output endpoint string = language.properties.endpoint
