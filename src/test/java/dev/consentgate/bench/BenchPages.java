package dev.consentgate.bench;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Generated pages for the benchmark: the markup mix of a news or shop page (head with styles, resource hints and
 * tag snippets; body with navigation, article text with inline markup, images, embeds and ads), repeated with
 * varying text to the requested size. Deterministic (fixed seed).
 */
public final class BenchPages {

    private static final String[] WORDS = ("consent cookie policy the a of and to in is for on with as by this "
            + "that from at be are was were it an or which page article reader analytics privacy window market city "
            + "music weather report story people science").split(" ");

    private BenchPages() {
    }

    public static byte[] trackerHeavy(int size) {
        return build(size, true);
    }

    public static byte[] noMatch(int size) {
        return build(size, false);
    }

    private static byte[] build(int size, boolean trackers) {
        Random random = new Random(42);
        StringBuilder sb = new StringBuilder(size + 65536);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Benchmark page</title>\n<link rel=\"stylesheet\" href=\"/css/site.css?v=3\">\n")
                .append("<link rel=\"preconnect\" href=\"https://cdn.example-static.net\">\n");
        if (trackers) {
            sb.append("<link rel=\"preconnect\" href=\"https://www.googletagmanager.com\">\n")
                    .append("<link rel=\"dns-prefetch\" href=\"//connect.facebook.net\">\n")
                    .append("<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),"
                            + "event:'gtm.js'});var f=d.getElementsByTagName(s)[0],j=d.createElement(s),dl=l!='dataLayer'"
                            + "?'&l='+l:'';j.async=true;j.src='https://www.googletagmanager.com/gtm.js?id='+i+dl;"
                            + "f.parentNode.insertBefore(j,f);})(window,document,'script','dataLayer','GTM-XXXX');</script>\n")
                    .append("<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-XXXX\"></script>\n")
                    .append("<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}"
                            + "gtag('js',new Date());gtag('config','G-XXXX');</script>\n");
        }
        sb.append("<script src=\"/js/app.js\" defer></script>\n<script>window.APP={locale:'en',user:null};</script>\n")
                .append("</head>\n<body class=\"page article\">\n");
        int block = 0;
        while (sb.length() < size) {
            sb.append("<nav class=\"menu\"><ul><li><a href=\"/news\">News</a></li><li><a href=\"/sport\">Sport</a>"
                    + "</li><li><a href=\"/culture\">Culture</a></li></ul></nav>\n<article id=\"a").append(block)
                    .append("\" class=\"story\">\n<h2 class=\"headline\">");
            words(sb, random, 8);
            sb.append("</h2>\n");
            for (int p = 0; p < 4; p++) {
                sb.append("<p>");
                words(sb, random, 40);
                sb.append(" <a href=\"/story/").append(random.nextInt(100000)).append("\">");
                words(sb, random, 3);
                sb.append("</a> <strong>");
                words(sb, random, 2);
                sb.append("</strong> ");
                words(sb, random, 30);
                sb.append("</p>\n");
            }
            sb.append("<figure><img src=\"/img/").append(block).append(".jpg\" alt=\"");
            words(sb, random, 4);
            sb.append("\" width=\"800\" height=\"450\" loading=\"lazy\"><figcaption>");
            words(sb, random, 6);
            sb.append("</figcaption></figure>\n");
            if (trackers) {
                switch (block % 6) {
                    case 0 -> sb.append("<iframe width=\"560\" height=\"315\" src=\"https://www.youtube.com/embed/v")
                            .append(block).append("\" allowfullscreen></iframe>\n");
                    case 1 -> sb.append("<script async src=\"https://pagead2.googlesyndication.com/pagead/js/"
                            + "adsbygoogle.js\"></script><ins class=\"adsbygoogle\" data-ad-slot=\"1\"></ins>"
                            + "<script>(adsbygoogle = window.adsbygoogle || []).push({});</script>\n");
                    case 2 -> sb.append("<script>!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){};"
                            + "t=b.createElement(e);t.src=v;}(window,document,'script',"
                            + "'https://connect.facebook.net/en_US/fbevents.js');fbq('init','1');</script>"
                            + "<noscript><img height=\"1\" width=\"1\" style=\"display:none\" "
                            + "src=\"https://www.facebook.com/tr?id=1&amp;ev=PageView&amp;noscript=1\"/></noscript>\n");
                    case 3 -> sb.append("<script>googletag.cmd.push(function(){googletag.display('div-gpt-")
                            .append(block).append("');});</script>\n");
                    case 4 -> sb.append("<img src=\"https://px.ads.linkedin.com/collect/?pid=1&fmt=gif\" "
                            + "width=\"1\" height=\"1\" alt=\"\">\n");
                    default -> sb.append("<script src=\"https://platform.twitter.com/widgets.js\" async></script>\n");
                }
            } else {
                sb.append("<script>document.getElementById('a").append(block)
                        .append("').classList.add('seen');</script>\n");
            }
            sb.append("<aside class=\"related\"><ul>");
            for (int r = 0; r < 3; r++) {
                sb.append("<li><a href=\"/related/").append(random.nextInt(1000)).append("\">");
                words(sb, random, 5);
                sb.append("</a></li>");
            }
            sb.append("</ul></aside>\n</article>\n");
            block++;
        }
        sb.append("</body>\n</html>\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void words(StringBuilder sb, Random random, int n) {
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(WORDS[random.nextInt(WORDS.length)]);
        }
    }
}
