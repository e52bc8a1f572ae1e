x = 1


msg = 'it's broken'
