extension PolicyFetcher: PolicyFetching {}
