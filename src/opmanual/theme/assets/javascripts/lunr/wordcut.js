/* Not used: Thai is segmented with Intl.Segmenter by lunr/min/lunr.th.min.js. This stub replaces Material's
   500 kB word-cut dictionary, which Material loads for `lang: th` but never applies. */
